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

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the streaming benchmarks work without running them: every state is set up over
 * tcp and inproc, one invocation streams a few high-water marks' worth of messages (more
 * than one, so ZeroMQ's flow control is exercised), everything it sent is counted as
 * arrived and reported to {@link Delivered}, and the state is torn down. The measurement
 * itself runs only with {@code -Pbenchmarks}.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchmarkHarnessTests {

	private static final int MESSAGES = 3 * PushPullBenchmark.HWM;

	@Test
	void pushPullDeliversEveryMessageOnEachSide() {
		PushPullBenchmark benchmark = new PushPullBenchmark();
		for (Transport transport : Transport.values()) {
			PushPullBenchmark.RawState raw = flow(new PushPullBenchmark.RawState(), transport);
			raw.setUp();
			try {
				assertDelivered(raw, (delivered) -> benchmark.raw(raw, delivered));
				assertThat(raw.counter.last()).isEqualTo(raw.message);
			}
			finally {
				raw.tearDown();
			}
			PushPullBenchmark.StarterState starter = flow(new PushPullBenchmark.StarterState(), transport);
			starter.setUp();
			try {
				assertDelivered(starter, (delivered) -> benchmark.starter(starter, delivered));
				assertThat(starter.counter.last()).isEqualTo(starter.message);
			}
			finally {
				starter.tearDown();
			}
			PushPullBenchmark.SpringIntegrationState integration = new PushPullBenchmark.SpringIntegrationState();
			integration.transport = transport;
			integration.size = 100;
			integration.messages = MESSAGES;
			integration.setUp();
			try {
				assertDelivered(integration, (delivered) -> benchmark.springIntegration(integration, delivered));
			}
			finally {
				integration.tearDown();
			}
		}
	}

	@Test
	void pubSubDeliversEveryMessageOnEachSide() {
		PubSubBenchmark benchmark = new PubSubBenchmark();
		for (Transport transport : Transport.values()) {
			PubSubBenchmark.RawState raw = flow(new PubSubBenchmark.RawState(), transport);
			raw.setUp();
			try {
				assertDelivered(raw, (delivered) -> benchmark.raw(raw, delivered));
			}
			finally {
				raw.tearDown();
			}
			PubSubBenchmark.StarterState starter = flow(new PubSubBenchmark.StarterState(), transport);
			starter.setUp();
			try {
				assertDelivered(starter, (delivered) -> benchmark.starter(starter, delivered));
				assertThat(starter.counter.get()).isEqualTo(MESSAGES);
			}
			finally {
				starter.tearDown();
			}
			PubSubBenchmark.SpringIntegrationState integration = flow(new PubSubBenchmark.SpringIntegrationState(),
					transport);
			integration.setUp();
			try {
				assertDelivered(integration, (delivered) -> benchmark.springIntegration(integration, delivered));
			}
			finally {
				integration.tearDown();
			}
		}
	}

	/**
	 * Run one invocation and check that it reported, and the receiver counted, all it
	 * sent (readiness probes of pub/sub come on top).
	 */
	private static void assertDelivered(StreamingState state, Consumer<Delivered> invocation) {
		Delivered delivered = new Delivered();
		delivered.reset();
		long before = state.counter.get();
		invocation.accept(delivered);
		assertThat(delivered.received).isEqualTo(MESSAGES);
		assertThat(state.counter.get() - before).isGreaterThanOrEqualTo(MESSAGES);
	}

	private static <T extends PushPullBenchmark.Flow> T flow(T state, Transport transport) {
		state.transport = transport;
		state.payload = PayloadKind.JSON;
		state.size = 100;
		state.messages = MESSAGES;
		return state;
	}

	private static <T extends PubSubBenchmark.Flow> T flow(T state, Transport transport) {
		state.transport = transport;
		state.size = 100;
		state.messages = MESSAGES;
		return state;
	}

}
