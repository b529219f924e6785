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

/**
 * The ZeroMQ security mechanisms (ZMTP 3.0) an endpoint can use.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public enum ZmqMechanism {

	/** No security: ZeroMQ's default. IP allow and deny lists still apply. */
	NULL,

	/**
	 * User name and password (RFC 24), sent in clear text: for trusted networks and
	 * loopback only.
	 */
	PLAIN,

	/**
	 * Encryption and public-key authentication (CurveZMQ, RFC 26).
	 */
	CURVE

}
