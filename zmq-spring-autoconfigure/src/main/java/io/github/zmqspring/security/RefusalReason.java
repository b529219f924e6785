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

import java.util.Locale;

/**
 * Why the ZAP handler refused a peer's handshake.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public enum RefusalReason {

	/** A CURVE client whose public key is not allowed. */
	CLIENT_KEY,

	/** A PLAIN client with an unknown user name or a wrong password. */
	CREDENTIALS,

	/** A peer whose IP address is denied or not on the allow list. */
	ADDRESS,

	/**
	 * A handshake the starter has no settings for: a mechanism other than the endpoint's,
	 * or a socket it did not configure.
	 */
	UNKNOWN_DOMAIN;

	private static final RefusalReason[] VALUES = values();

	/**
	 * Return the reason's tag value.
	 * @return for example {@code client-key}
	 */
	public String tagValue() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Return the reason with the given ordinal, as carried by a socket event's value.
	 * @param ordinal the ordinal
	 * @return the reason, {@link #UNKNOWN_DOMAIN} for an ordinal out of range
	 */
	public static RefusalReason of(int ordinal) {
		return (ordinal >= 0 && ordinal < VALUES.length) ? VALUES[ordinal] : UNKNOWN_DOMAIN;
	}

}
