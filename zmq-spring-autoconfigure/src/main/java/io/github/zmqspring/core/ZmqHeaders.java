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

/**
 * Names of the message headers zmq-spring sets on inbound messages, for use with
 * spring-messaging's {@code @Header}.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class ZmqHeaders {

	/**
	 * The topic of a published message, as a UTF-8 {@code String}: the first frame of a
	 * message of two or more frames, or the subscription prefix that matched a one-frame
	 * message.
	 */
	public static final String TOPIC = "zmq_topic";

	/**
	 * The id of the listener that received the message.
	 */
	public static final String LISTENER_ID = "zmq_listenerId";

	/**
	 * The number of frames of the received message, topic frame included.
	 */
	public static final String FRAME_COUNT = "zmq_frameCount";

	private ZmqHeaders() {
	}

}
