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

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one listener container has received and what became of it, counted since the
 * container was created (restarts keep counting). Cheap to update from any thread
 * ({@link LongAdder}s) and meant to be read by monitoring, for example a Micrometer
 * binder.
 * <p>
 * Once the container has stopped, every message it received was either handled, failed or
 * rejected: {@code received() == handled() + failed() + rejected()}. A replier's request
 * answered with {@code 504 Gateway Timeout} is also counted in {@link #timedOut()}, and
 * counted again as handled or failed once its handler returns.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class ZmqListenerCounters {

	private final LongAdder received = new LongAdder();

	private final LongAdder bytesReceived = new LongAdder();

	private final LongAdder sent = new LongAdder();

	private final LongAdder bytesSent = new LongAdder();

	private final LongAdder handled = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder timedOut = new LongAdder();

	private final Map<Rejection, LongAdder> rejected = new EnumMap<>(Rejection.class);

	/**
	 * Create counters at zero.
	 */
	public ZmqListenerCounters() {
		for (Rejection reason : Rejection.values()) {
			this.rejected.put(reason, new LongAdder());
		}
	}

	/**
	 * Return how many messages the listener took from its socket facing peers.
	 * @return the count
	 */
	public long received() {
		return this.received.sum();
	}

	/**
	 * Return how many bytes the listener received: the frames of every message taken from
	 * its socket facing peers, without the routing envelope of a request.
	 * @return the byte count
	 */
	public long bytesReceived() {
		return this.bytesReceived.sum();
	}

	/**
	 * Return how many messages the listener sent back: a replier's replies, error replies
	 * included, and the results a puller or subscriber sent onward with {@code @SendTo}.
	 * @return the count
	 */
	public long sent() {
		return this.sent.sum();
	}

	/**
	 * Return how many bytes the messages of {@link #sent()} had (all their frames; for a
	 * republished message its topic frame too).
	 * @return the byte count
	 */
	public long bytesSent() {
		return this.bytesSent.sum();
	}

	/**
	 * Return how many messages the listener's method handled without an exception.
	 * @return the count
	 */
	public long handled() {
		return this.handled.sum();
	}

	/**
	 * Return how many messages the listener's method failed to handle (it threw, or a
	 * replier could not convert its return value).
	 * @return the count
	 */
	public long failed() {
		return this.failed.sum();
	}

	/**
	 * Return how many requests a replier answered with {@code 504 Gateway Timeout}
	 * because the handler took longer than {@code zmq.listener.handler-timeout}.
	 * @return the count
	 */
	public long timedOut() {
		return this.timedOut.sum();
	}

	/**
	 * Return how many messages were rejected for the given reason.
	 * @param reason the reason
	 * @return the count
	 */
	public long rejected(Rejection reason) {
		return this.rejected.get(reason).sum();
	}

	/**
	 * Return how many messages were rejected for any reason.
	 * @return the count
	 */
	public long rejected() {
		long total = 0;
		for (LongAdder adder : this.rejected.values()) {
			total += adder.sum();
		}
		return total;
	}

	void incrementReceived() {
		this.received.increment();
	}

	void addBytesReceived(long bytes) {
		this.bytesReceived.add(bytes);
	}

	void incrementSent(long bytes) {
		this.sent.increment();
		this.bytesSent.add(bytes);
	}

	void incrementHandled() {
		this.handled.increment();
	}

	void incrementFailed() {
		this.failed.increment();
	}

	void incrementTimedOut() {
		this.timedOut.increment();
	}

	void incrementRejected(Rejection reason) {
		this.rejected.get(reason).increment();
	}

	@Override
	public String toString() {
		return "ZmqListenerCounters[received=" + received() + ", bytesReceived=" + bytesReceived() + ", sent=" + sent()
				+ ", bytesSent=" + bytesSent() + ", handled=" + handled() + ", failed=" + failed() + ", rejected="
				+ this.rejected + ", timedOut=" + timedOut() + "]";
	}

	/**
	 * Why a received message was rejected without reaching the listener's method.
	 */
	public enum Rejection {

		/**
		 * The payload could not be converted to the method's parameter (invalid UTF-8,
		 * malformed JSON, JSON of the wrong shape).
		 */
		CONVERSION,

		/**
		 * The message had a number of frames the method cannot take (for example two
		 * frames for a {@code String} parameter), or a request reached the ROUTER socket
		 * of a replier without a valid envelope (no empty delimiter frame followed by at
		 * least one frame), so it cannot be answered.
		 */
		FRAMES

	}

}
