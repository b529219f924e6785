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

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The error reply a replier sends instead of a normal reply, so that no client is left
 * waiting.
 * <p>
 * On the wire it is exactly one UTF-8 frame: {@code ZMQ-SPRING-ERROR <status> <reason>},
 * optionally followed by {@code ": <detail>"} when the replier is configured to expose
 * exception messages ({@code zmq.listener.include-error-message=true}). Status
 * {@code 400} means the request could not be converted to the handler's parameter type;
 * {@code 500} means the handler threw; {@code 504} means the handler did not return
 * within {@code zmq.listener.handler-timeout}. Any ZeroMQ peer can read it as text;
 * {@link ZmqTemplate} turns it into a {@link ZmqRemoteException}. Replies starting with
 * the marker are reserved for this purpose.
 *
 * @param status the status code
 * @param reason the reason phrase
 * @param detail the exposed exception message, if any
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public record ZmqErrorReply(int status, String reason, @Nullable String detail) {

	/**
	 * The marker every error reply starts with, followed by one space.
	 */
	public static final String MARKER = "ZMQ-SPRING-ERROR";

	private static final byte[] PREFIX = (MARKER + " ").getBytes(StandardCharsets.US_ASCII);

	/**
	 * The request could not be converted.
	 */
	public static final ZmqErrorReply BAD_REQUEST = new ZmqErrorReply(400, "Bad Request", null);

	/**
	 * The handler threw an exception.
	 */
	public static final ZmqErrorReply HANDLER_ERROR = new ZmqErrorReply(500, "Internal Server Error", null);

	/**
	 * The handler did not return within the listener's handler timeout; its late reply is
	 * discarded.
	 */
	public static final ZmqErrorReply GATEWAY_TIMEOUT = new ZmqErrorReply(504, "Gateway Timeout", null);

	/**
	 * The reply of a replier that is stopping: {@code 503 Service Unavailable}, for a
	 * request it took but can no longer handle, or one that arrived after the peer's
	 * request in flight was answered; the client may retry elsewhere.
	 */
	public static final ZmqErrorReply SERVICE_UNAVAILABLE = new ZmqErrorReply(503, "Service Unavailable", null);

	/**
	 * Return a copy of this reply carrying the given detail.
	 * @param detail the detail, may be {@code null}
	 * @return the reply with that detail
	 */
	public ZmqErrorReply withDetail(@Nullable String detail) {
		return new ZmqErrorReply(this.status, this.reason, detail);
	}

	/**
	 * Encode this reply as its single frame.
	 * @return the frame bytes
	 */
	public byte[] toFrame() {
		String text = MARKER + " " + this.status + " " + this.reason
				+ ((this.detail != null) ? ": " + this.detail.replace('\n', ' ') : "");
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Decode a reply frame if it is an error reply.
	 * @param frame the only frame of a reply
	 * @return the error reply, or {@code null} when the frame is a normal reply
	 */
	public static @Nullable ZmqErrorReply parse(byte[] frame) {
		if (!startsWithPrefix(frame)) {
			return null;
		}
		String text = new String(frame, PREFIX.length, frame.length - PREFIX.length, StandardCharsets.UTF_8);
		int space = text.indexOf(' ');
		if (space < 1) {
			return null;
		}
		int status;
		try {
			status = Integer.parseInt(text.substring(0, space));
		}
		catch (NumberFormatException ex) {
			return null;
		}
		String rest = text.substring(space + 1);
		int colon = rest.indexOf(": ");
		return (colon < 0) ? new ZmqErrorReply(status, rest, null)
				: new ZmqErrorReply(status, rest.substring(0, colon), rest.substring(colon + 2));
	}

	private static boolean startsWithPrefix(byte[] frame) {
		if (frame.length <= PREFIX.length) {
			return false;
		}
		for (int i = 0; i < PREFIX.length; i++) {
			if (frame[i] != PREFIX[i]) {
				return false;
			}
		}
		return true;
	}

}
