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

import org.jspecify.annotations.Nullable;

import io.github.zmqspring.convert.ZmqFrames;

/**
 * The one-way invocation shared by pullers and subscribers: call the method, send a
 * result onward, and turn every failure into a (rate-limited) log line so the listener
 * keeps serving.
 */
final class ListenerInvocation {

	private ListenerInvocation() {
	}

	static void invoke(AbstractZmqListenerContainer container, ZmqFrames received, ZmqFrames payload,
			@Nullable String topic, @Nullable SendToTarget sendTo, @Nullable String sendTopic) {
		Object result;
		try {
			result = container.getAdapter().invoke(payload, topic, received.size());
		}
		catch (Exception ex) {
			if (ZmqListenerMethodAdapter.isConversionFailure(ex)) {
				container.rejected(received, ex);
			}
			else {
				container.failed(ex);
				container.log().failed("failed", "failed to handle a message", ex, "");
			}
			return;
		}
		container.handled();
		if (sendTo != null && result != null) {
			try {
				container.sentOnward(sendTo.send(sendTopic, result));
			}
			catch (RuntimeException ex) {
				container.log().failed("send-to", "could not send its result onward", ex, "");
			}
		}
	}

}
