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

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.zmqspring.convert.ZmqFrames;

/**
 * What {@link ZmqTemplate} sent to and received from one endpoint for one operation,
 * counted since the endpoint was first used. Cheap to update from the calling threads
 * ({@link LongAdder}s, or, for push and publish, whose one socket is written under a
 * lock, ordered plain stores without a CAS) and meant to be read by monitoring, for
 * example a Micrometer binder. See {@link ZmqTemplate#getEndpointCounters()}.
 * <p>
 * A request sent again after a timed-out attempt ({@code request-retries}) counts as
 * another message sent and as a retry.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class ZmqTemplateCounters {

	private final String endpoint;

	private final String operation;

	private final LongAdder sent = new LongAdder();

	private final LongAdder bytesSent = new LongAdder();

	/** What {@link #sentExclusively} counted: one writer at a time, no CAS needed. */
	private final AtomicLong sentExclusively = new AtomicLong();

	private final AtomicLong bytesSentExclusively = new AtomicLong();

	private final LongAdder repliesReceived = new LongAdder();

	private final LongAdder bytesReceived = new LongAdder();

	private final LongAdder retries = new LongAdder();

	private final LongAdder timeouts = new LongAdder();

	ZmqTemplateCounters(String endpoint, String operation) {
		this.endpoint = endpoint;
		this.operation = operation;
	}

	/**
	 * Return the endpoint, as the caller passed it to the template.
	 * @return the endpoint name, or the addresses as written
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Return the operation these counters are about.
	 * @return {@code request}, {@code publish} or {@code push}
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Return how many messages a socket took (request attempts, publications or pushes).
	 * @return the count
	 */
	public long sent() {
		return this.sent.sum() + this.sentExclusively.get();
	}

	/**
	 * Return how many bytes the messages of {@link #sent()} had: all their frames (a
	 * publication's topic frame included), without the request envelope.
	 * @return the byte count
	 */
	public long bytesSent() {
		return this.bytesSent.sum() + this.bytesSentExclusively.get();
	}

	/**
	 * Return how many replies completed a request (late replies to a finished request are
	 * not counted).
	 * @return the count
	 */
	public long repliesReceived() {
		return this.repliesReceived.sum();
	}

	/**
	 * Return how many bytes the replies of {@link #repliesReceived()} had, without their
	 * envelope.
	 * @return the byte count
	 */
	public long bytesReceived() {
		return this.bytesReceived.sum();
	}

	/**
	 * Return how many request attempts were sent again after a timeout.
	 * @return the count
	 */
	public long retries() {
		return this.retries.sum();
	}

	/**
	 * Return how many requests failed because no reply came within their timeout on any
	 * attempt.
	 * @return the count
	 */
	public long timeouts() {
		return this.timeouts.sum();
	}

	void sent(ZmqFrames frames) {
		this.sent.increment();
		this.bytesSent.add(frames.byteCount());
	}

	/**
	 * Count a message sent by a caller holding the endpoint's only socket under its lock:
	 * the lock orders the writers, so an ordered store does what a CAS would, for a
	 * fraction of its cost on the hot path of push and publish.
	 */
	void sentExclusively(ZmqFrames frames) {
		this.sentExclusively.lazySet(this.sentExclusively.get() + 1);
		this.bytesSentExclusively.lazySet(this.bytesSentExclusively.get() + frames.byteCount());
	}

	void replyReceived(List<byte[]> frames, int from) {
		long bytes = 0;
		for (int i = from; i < frames.size(); i++) {
			bytes += frames.get(i).length;
		}
		this.repliesReceived.increment();
		this.bytesReceived.add(bytes);
	}

	void retried() {
		this.retries.increment();
	}

	void timedOut() {
		this.timeouts.increment();
	}

	@Override
	public String toString() {
		return "ZmqTemplateCounters[endpoint=" + this.endpoint + ", operation=" + this.operation + ", sent=" + sent()
				+ ", bytesSent=" + bytesSent() + ", repliesReceived=" + repliesReceived() + ", bytesReceived="
				+ bytesReceived() + ", retries=" + retries() + ", timeouts=" + timeouts() + "]";
	}

}
