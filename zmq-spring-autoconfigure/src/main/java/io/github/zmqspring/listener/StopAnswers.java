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

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.core.ZmqErrorReply;

/**
 * What a stopping replier answers. Every request it reads after the stop request is
 * answered, so no client that got its request in waits until its own timeout: the first
 * one from each peer (the request that peer had in flight when the stop began) with its
 * result, while the shutdown timeout allows; every later one, and every one after the
 * deadline, with {@code 503 Service Unavailable} at once. A client that loops gets its
 * answer, sends again, is refused and moves on, so the queue runs dry and the replier
 * ends well before the shutdown timeout.
 */
final class StopAnswers {

	/**
	 * Bounds the peers remembered; beyond it every request counts as a later one.
	 */
	private static final int MAX_PEERS = 100_000;

	private static final ZmqFrames REFUSAL = ZmqFrames.of(ZmqErrorReply.SERVICE_UNAVAILABLE.toFrame());

	private final Set<String> answered = new HashSet<>();

	private final long deadline;

	/**
	 * Create the policy of one stop.
	 * @param deadline the {@link System#nanoTime()} after which nothing is handled
	 */
	StopAnswers(long deadline) {
		this.deadline = deadline;
	}

	/**
	 * Return whether a request read while stopping is handled by the method; if not, it
	 * is answered with {@link #refusal()}.
	 * @param envelope the request's envelope, the peer's routing id first
	 * @return {@code true} for the first request of a peer before the deadline
	 */
	boolean handles(ZmqFrames envelope) {
		if (isPastDeadline()) {
			return false;
		}
		String peer = new String(envelope.frame(0), StandardCharsets.ISO_8859_1);
		return this.answered.size() < MAX_PEERS && this.answered.add(peer);
	}

	/**
	 * Return whether the shutdown timeout has passed.
	 * @return {@code true} once nothing is handled any more
	 */
	boolean isPastDeadline() {
		return System.nanoTime() - this.deadline >= 0;
	}

	/**
	 * Return the reply to a request that is not handled.
	 * @return {@code ZMQ-SPRING-ERROR 503 Service Unavailable}
	 */
	static ZmqFrames refusal() {
		return REFUSAL;
	}

}
