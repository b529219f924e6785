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

package io.github.zmqspring.guard;

/**
 * Why the starter closed a peer's connection.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public enum DropReason {

	/**
	 * The peer announced a frame that the socket's or the context's receive budget could
	 * not hold.
	 */
	RECEIVE_BUDGET("receive budget exhausted"),

	/** The peer sent a multipart message with more frames than allowed. */
	FRAME_COUNT("too many frames in one message"),

	/** The peer sent a multipart message larger in total than allowed. */
	MULTIPART_SIZE("message larger than the multipart limit"),

	/**
	 * The peer did not complete the ZMTP handshake (or answer a heartbeat) in time after
	 * it connected.
	 */
	HANDSHAKE_TIMEOUT("handshake not completed in time");

	private static final DropReason[] VALUES = values();

	private final String description;

	DropReason(String description) {
		this.description = description;
	}

	/**
	 * Return a short description for logs and events.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Return the tag value used in metrics.
	 * @return the lower-case name with dashes
	 */
	public String tagValue() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/**
	 * Map the numeric value carried by a socket event back to a reason.
	 * @param code the value, see {@link #ordinal()}
	 * @return the reason, {@link #RECEIVE_BUDGET} for an unknown value
	 */
	public static DropReason of(int code) {
		return (code >= 0 && code < VALUES.length) ? VALUES[code] : RECEIVE_BUDGET;
	}

}
