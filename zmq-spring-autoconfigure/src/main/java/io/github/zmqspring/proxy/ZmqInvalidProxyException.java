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
package io.github.zmqspring.proxy;

import io.github.zmqspring.ZmqException;

/**
 * A proxy under {@code zmq.proxies} is incomplete: its type, front end or back end is not
 * set. Reported at startup by a Spring Boot failure analyzer that names the property.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqInvalidProxyException extends ZmqException {

	private final String proxyName;

	private final String property;

	private final String reason;

	private final String action;

	public ZmqInvalidProxyException(String proxyName, String property, String reason, String action) {
		super("ZeroMQ proxy '" + proxyName + "': " + property + " " + reason);
		this.proxyName = proxyName;
		this.property = property;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * Return the proxy name.
	 * @return the name under {@code zmq.proxies}
	 */
	public String getProxyName() {
		return this.proxyName;
	}

	/**
	 * Return the property to set.
	 * @return for example {@code zmq.proxies.broker.backend}
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return what is wrong with the property.
	 * @return for example {@code is not set}
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Return what to change.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
