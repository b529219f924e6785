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

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.support.LogRateLimiter;
import io.github.zmqspring.support.LogSanitizer;

/**
 * The log lines of one listener that a peer can cause at its own pace: rejected messages,
 * failed handlers, timed-out requests. Each kind is logged at WARN at most once per
 * {@link LogRateLimiter#DEFAULT_INTERVAL} (the next line says how many were suppressed),
 * without a stack trace; the stack trace, if any, follows at DEBUG under the same limit,
 * with every message in it escaped. Counting is not done here: the counters see every
 * message.
 */
final class ListenerLog {

	private static final Log rejectedLogger = LogFactory.getLog(AbstractZmqListenerContainer.REJECTED_LOG_CATEGORY);

	private final String listenerId;

	private final Log logger;

	private final LogRateLimiter limiter;

	ListenerLog(String listenerId, Log logger, LogRateLimiter limiter) {
		this.listenerId = listenerId;
		this.logger = logger;
		this.limiter = limiter;
	}

	/**
	 * Log a rejected message: its reason and sizes, never its content (it comes from an
	 * untrusted peer), and no stack trace (a converter's message quotes the content).
	 */
	void rejected(ZmqFrames frames, ZmqListenerCounters.Rejection reason, String detail) {
		this.limiter.warn(rejectedLogger, "rejected-" + reason,
				() -> "Listener '" + this.listenerId + "' rejected a message (" + reason + ", "
						+ LogSanitizer.sanitize(detail) + "): " + frames.size() + " frame(s), " + frames.byteCount()
						+ " bytes",
				null);
	}

	/**
	 * Log a failure of the method or of the container while handling a message.
	 * @param key the kind of failure, from a fixed set
	 * @param what what failed, for example "failed to handle a request"
	 * @param failure the failure; its message is escaped and cut
	 * @param outcome what the listener did about it, for example "replied 500 ..."
	 */
	void failed(String key, String what, Throwable failure, String outcome) {
		this.limiter.warn(this.logger, key, () -> "Listener '" + this.listenerId + "' " + what + " ("
				+ LogSanitizer.describe(failure) + ")" + (outcome.isEmpty() ? "" : "; " + outcome), failure);
	}

	/**
	 * Log a line of the given kind at WARN if the limit lets it through.
	 * @param key the kind of line, from a fixed set
	 * @param line the line, built only when it is logged; text from peers sanitized
	 * @param failure the failure whose stack trace follows at DEBUG, or {@code null}
	 */
	void warn(String key, Supplier<String> line, @Nullable Throwable failure) {
		this.limiter.warn(this.logger, key, line, failure);
	}

}
