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

import io.github.zmqspring.ZmqException;

/**
 * An endpoint cannot be used: a name that is not configured under {@code zmq.endpoints},
 * a malformed address, or a transport JeroMQ does not support. Raised at startup for
 * listeners and on first use for the template; reported by a Spring Boot failure
 * analyzer.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqInvalidEndpointException extends ZmqException {

	private final String endpoint;

	private final String reason;

	private final String action;

	private final @Nullable String source;

	public ZmqInvalidEndpointException(String endpoint, String reason, String action) {
		this(endpoint, reason, action, null, null);
	}

	private ZmqInvalidEndpointException(String endpoint, String reason, String action, @Nullable String source,
			@Nullable Throwable cause) {
		super(((source != null) ? source + ": " : "") + "invalid ZeroMQ endpoint '" + endpoint + "': " + reason, cause);
		this.endpoint = endpoint;
		this.reason = reason;
		this.action = action;
		this.source = source;
	}

	/**
	 * Return a copy that names where the endpoint was declared.
	 * @param source for example
	 * {@code "@ZmqReplier method GreeterService.hello(String) on bean 'greeterService'"}
	 * @return the new exception, with this one as its cause
	 */
	public ZmqInvalidEndpointException withSource(String source) {
		return new ZmqInvalidEndpointException(this.endpoint, this.reason, this.action, source, this);
	}

	/**
	 * Return the endpoint as written.
	 * @return the endpoint name or address
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Return what is wrong with it.
	 * @return the reason
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

	/**
	 * Return where the endpoint was declared, if known.
	 * @return the source or {@code null}
	 */
	public @Nullable String getSource() {
		return this.source;
	}

}
