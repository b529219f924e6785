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

package io.github.zmqspring.listener;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.zmqspring.convert.ZmqFrames;

/**
 * A request as a ROUTER socket receives it, split into its envelope (the routing frames
 * up to and including the empty delimiter) and its body, the way a REP socket reads it.
 *
 * @param envelope the frames to send back before the reply
 * @param body the request
 */
record Envelope(ZmqFrames envelope, ZmqFrames body) {

	/**
	 * Split a request: the envelope ends at the first empty frame after the peer identity
	 * that is followed by at least one frame.
	 * @param message the frames as received, peer identity first
	 * @return the envelope and body, or {@code null} when there is no valid envelope
	 * (such a request cannot be answered)
	 */
	static @Nullable Envelope split(ZmqFrames message) {
		for (int i = 1; i < message.size() - 1; i++) {
			if (message.frame(i).length == 0) {
				List<byte[]> envelope = new ArrayList<>(i + 1);
				for (int j = 0; j <= i; j++) {
					envelope.add(message.frame(j));
				}
				return new Envelope(ZmqFrames.of(envelope), message.from(i + 1));
			}
		}
		return null;
	}

}
