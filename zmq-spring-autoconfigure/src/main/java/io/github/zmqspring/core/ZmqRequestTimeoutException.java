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

import java.time.Duration;

import io.github.zmqspring.ZmqException;

/**
 * A request got no reply within its timeout. The template has already forgotten the
 * request: a late reply is discarded and the next request on the same endpoint works
 * normally.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqRequestTimeoutException extends ZmqException {

	private final String endpoint;

	private final Duration timeout;

	public ZmqRequestTimeoutException(String endpoint, Duration timeout) {
		super("No reply from '" + endpoint + "' within " + timeout.toMillis() + " ms");
		this.endpoint = endpoint;
		this.timeout = timeout;
	}

	/**
	 * Return the endpoint the request was sent to.
	 * @return the endpoint name or address
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Return the timeout that expired.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
