/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zmqspring.core;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQException;

import io.github.zmqspring.ZmqException;

/**
 * A socket could not bind or connect an address, typically because the address is already
 * in use. Reported at startup by a Spring Boot failure analyzer.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqBindException extends ZmqException {

	private final String address;

	private final String source;

	private final boolean bind;

	private final @Nullable String setting;

	public ZmqBindException(String source, String address, boolean bind, ZMQException cause) {
		this(source, address, bind, cause, null);
	}

	/**
	 * Create an exception that also names the configuration property holding the address.
	 * @param source who owns the socket
	 * @param address the address that failed
	 * @param bind whether it was a bind (else a connect)
	 * @param cause the JeroMQ failure
	 * @param setting the property to change, for example
	 * {@code zmq.proxies.broker.frontend}, or {@code null}
	 */
	public ZmqBindException(String source, String address, boolean bind, ZMQException cause, @Nullable String setting) {
		super(source + " could not " + (bind ? "bind " : "connect ") + address + ": " + describe(cause), cause);
		this.address = address;
		this.source = source;
		this.bind = bind;
		this.setting = setting;
	}

	/**
	 * Return the configuration property that holds the address, if known.
	 * @return for example {@code zmq.proxies.broker.frontend}, or {@code null}
	 */
	public @Nullable String getSetting() {
		return this.setting;
	}

	/**
	 * Return the address that failed.
	 * @return the address
	 */
	public String getAddress() {
		return this.address;
	}

	/**
	 * Return who owned the socket, for example a listener or the template.
	 * @return a description of the socket's owner
	 */
	public String getSource() {
		return this.source;
	}

	/**
	 * Return whether the failed operation was a bind (else a connect).
	 * @return {@code true} for a bind
	 */
	public boolean isBind() {
		return this.bind;
	}

	/**
	 * Return whether the address was already in use.
	 * @return {@code true} for EADDRINUSE
	 */
	public boolean isAddressInUse() {
		return ((ZMQException) getCause()).getErrorCode() == zmq.ZError.EADDRINUSE;
	}

	private static String describe(ZMQException cause) {
		return switch (cause.getErrorCode()) {
			case zmq.ZError.EADDRINUSE -> "address already in use";
			case zmq.ZError.EADDRNOTAVAIL -> "address not available on this host";
			case zmq.ZError.EPROTONOSUPPORT -> "protocol not supported by JeroMQ";
			case zmq.ZError.EINVAL -> "invalid address";
			default -> cause.getMessage() + " (errno " + cause.getErrorCode() + ")";
		};
	}

}
