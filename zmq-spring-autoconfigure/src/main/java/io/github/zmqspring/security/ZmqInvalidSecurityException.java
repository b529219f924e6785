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

package io.github.zmqspring.security;

import io.github.zmqspring.ZmqException;

/**
 * The security settings of an endpoint are incomplete, malformed or would leave a server
 * open. Reported at startup by a Spring Boot failure analyzer that names the property and
 * what to change. The message never contains a key or a password.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqInvalidSecurityException extends ZmqException {

	private final String property;

	private final String reason;

	private final String action;

	/**
	 * Create an exception.
	 * @param property the property at fault, for example
	 * {@code zmq.endpoints.greeter.security.curve.secret-key}
	 * @param reason what is wrong with it, without its value
	 * @param action what to change
	 */
	public ZmqInvalidSecurityException(String property, String reason, String action) {
		super(property + " " + reason);
		this.property = property;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * Return the property at fault.
	 * @return the full property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return what is wrong, without the value.
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

}
