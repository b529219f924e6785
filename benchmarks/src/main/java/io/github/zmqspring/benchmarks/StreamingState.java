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

package io.github.zmqspring.benchmarks;

import java.time.Duration;

/**
 * What every streaming state shares: the receiver's {@link MessageCounter}, how many
 * messages one invocation streams, and the wait for the last of them. The sender never
 * waits for the receiver while it streams (only ZeroMQ's high-water mark can hold it
 * back); the invocation ends once everything it sent has arrived, so its wall time is
 * "first send to last arrival".
 *
 * @author zmq-spring contributors
 */
public abstract class StreamingState {

	/** How long the last message may take to arrive before the run fails (lost). */
	public static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(60);

	final MessageCounter counter = new MessageCounter();

	/** The payload, created once and sent as every message. */
	Object message;

	/**
	 * Messages per invocation; 0 picks {@link #messagesFor} at set-up (the harness test
	 * sets a small number).
	 */
	int messages;

	private long expected;

	/**
	 * Return how many messages one invocation of raw JeroMQ or the starter streams: a few
	 * tenths of a second to a second or two at the rates of a 2-core machine, long enough
	 * that filling and draining the queues (a few high-water marks' worth) is noise.
	 * inproc hands the same array over without copying, so its rate hardly depends on the
	 * size; conversions (String, JSON) halve the rate, so they get half.
	 * @param transport the transport
	 * @param kind the payload kind
	 * @param size the payload size
	 * @return the count
	 */
	public static int messagesFor(Transport transport, PayloadKind kind, int size) {
		if (transport == Transport.INPROC) {
			return 1_000_000;
		}
		int count = (size <= 128) ? 500_000 : ((size <= 2048) ? 200_000 : 10_000);
		return (kind == PayloadKind.BYTES) ? count : count / 2;
	}

	/**
	 * Return how many messages one invocation of spring-integration-zeromq streams: it
	 * runs at tens of thousands of messages per second, so fewer.
	 * @param transport the transport
	 * @param size the payload size
	 * @return the count
	 */
	public static int springIntegrationMessagesFor(Transport transport, int size) {
		return Math.min(20_000, messagesFor(transport, PayloadKind.BYTES, size));
	}

	/**
	 * Create the payload and fix the invocation's message count, unless set already.
	 * @param kind the payload kind
	 * @param size the payload size
	 * @param count the message count
	 */
	void prepare(PayloadKind kind, int size, int count) {
		this.message = kind.create(size);
		if (this.messages == 0) {
			this.messages = count;
		}
	}

	/**
	 * Take what has arrived so far (readiness probes) as the starting point.
	 * @param arrived the count to start from
	 */
	void countFrom(long arrived) {
		this.expected = arrived;
	}

	/**
	 * Stream the invocation's messages through spring-integration-zeromq from the calling
	 * thread and wait for the last of them.
	 * @param sender the fixture that sends
	 * @return how many arrived
	 */
	long streamThrough(SpringIntegrationFixture sender) {
		byte[] payload = (byte[]) this.message;
		for (int i = 0; i < this.messages; i++) {
			sender.send(payload);
		}
		return awaitArrivals();
	}

	/**
	 * Wait until the invocation's messages have all arrived.
	 * @return how many arrived
	 */
	long awaitArrivals() {
		this.expected += this.messages;
		this.counter.awaitAtLeast(this.expected, ARRIVAL_TIMEOUT);
		return this.messages;
	}

}
