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

import io.github.zmqspring.convert.ZmqFrameCountException;
import io.github.zmqspring.convert.ZmqFrames;

/**
 * What became of the messages of one listener: counted (every one, always), recorded on
 * the current observation and logged (rate-limited, see {@link ListenerLog}).
 */
final class ListenerOutcomes {

	private static final int MAX_CAUSES = 64;

	private final ZmqListenerCounters counters;

	private final ListenerObservation observation;

	private final ListenerLog log;

	ListenerOutcomes(ZmqListenerCounters counters, ListenerObservation observation, ListenerLog log) {
		this.counters = counters;
		this.observation = observation;
		this.log = log;
	}

	void handled() {
		this.counters.incrementHandled();
	}

	void failed(Throwable failure) {
		this.counters.incrementFailed();
		this.observation.error(failure);
	}

	/**
	 * A message that could not be converted: a frame count the method cannot take, or a
	 * payload the converter refused.
	 */
	void rejected(ZmqFrames frames, Throwable failure) {
		this.observation.error(failure);
		boolean frameCount = hasCause(failure, ZmqFrameCountException.class);
		rejected(frames, frameCount ? ZmqListenerCounters.Rejection.FRAMES : ZmqListenerCounters.Rejection.CONVERSION,
				rootCause(failure).getClass().getSimpleName());
	}

	void rejected(ZmqFrames frames, ZmqListenerCounters.Rejection reason, String detail) {
		this.counters.incrementRejected(reason);
		this.log.rejected(frames, reason, detail);
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		Throwable current = failure;
		// bounded: a cause chain may loop
		for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
			if (type.isInstance(current)) {
				return true;
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return false;
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < MAX_CAUSES; depth++) {
			root = root.getCause();
		}
		return root;
	}

}
