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
 * A request got no reply within its timeout, on every attempt (1 + the endpoint's
 * {@code request-retries}). The template has already forgotten the request: a late reply
 * is discarded and the next request on the same endpoint works normally.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqRequestTimeoutException extends ZmqException {

	private final String endpoint;

	private final Duration timeout;

	private final int attempts;

	public ZmqRequestTimeoutException(String endpoint, Duration timeout) {
		this(endpoint, timeout, 1);
	}

	/**
	 * Create an exception for a request that was sent {@code attempts} times.
	 * @param endpoint the endpoint
	 * @param timeout the timeout of each attempt
	 * @param attempts how many attempts were made (1 + retries)
	 */
	public ZmqRequestTimeoutException(String endpoint, Duration timeout, int attempts) {
		this(endpoint, timeout, attempts, describe(endpoint, timeout, attempts));
	}

	static String describe(String endpoint, Duration timeout, int attempts) {
		return "No reply from '" + endpoint + "' within " + timeout.toMillis() + " ms"
				+ ((attempts > 1) ? " per attempt (" + attempts + " attempts: 1 + " + (attempts - 1) + " retries)"
						: " (1 attempt, no retries)");
	}

	/**
	 * Create an exception with its own message, for a request that timed out before it
	 * could be sent.
	 * @param endpoint the endpoint
	 * @param timeout the timeout that expired
	 * @param attempts how many attempts were made
	 * @param message what happened, and what to change
	 * @since 0.2.0
	 */
	public ZmqRequestTimeoutException(String endpoint, Duration timeout, int attempts, String message) {
		super(message);
		this.endpoint = endpoint;
		this.timeout = timeout;
		this.attempts = attempts;
	}

	/**
	 * Return the endpoint the request was sent to.
	 * @return the endpoint name or address
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Return the timeout that expired, per attempt.
	 * @return the timeout of one attempt
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Return how many times the request was sent.
	 * @return 1 + the retries made
	 */
	public int getAttempts() {
		return this.attempts;
	}

}
