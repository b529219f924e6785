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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the benchmark harness works without running the benchmarks: every benchmark
 * method's state is set up, runs one invocation and is torn down, over tcp and inproc.
 * The measurement itself runs only with {@code -Pbenchmarks}.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BenchmarkHarnessTests {

	@Test
	void pushPullDeliversEveryBatchOnEachSide() {
		for (Transport transport : Transport.values()) {
			PushPullBenchmark benchmark = new PushPullBenchmark();
			PushPullBenchmark.RawState raw = flow(new PushPullBenchmark.RawState(), transport, PayloadKind.JSON);
			raw.setUp();
			try {
				benchmark.raw(raw);
				assertThat(raw.counter.get()).isEqualTo(PushPullBenchmark.BATCH);
				assertThat(raw.counter.last()).isEqualTo(raw.message);
			}
			finally {
				raw.tearDown();
			}
			PushPullBenchmark.StarterState starter = flow(new PushPullBenchmark.StarterState(), transport,
					PayloadKind.JSON);
			starter.setUp();
			try {
				benchmark.starter(starter);
				assertThat(starter.counter.get()).isEqualTo(PushPullBenchmark.BATCH);
				assertThat(starter.counter.last()).isEqualTo(starter.message);
			}
			finally {
				starter.tearDown();
			}
			PushPullBenchmark.SpringIntegrationState integration = new PushPullBenchmark.SpringIntegrationState();
			integration.transport = transport;
			integration.size = 100;
			integration.setUp();
			try {
				benchmark.springIntegration(integration);
				assertThat(integration.counter.get()).isEqualTo(PushPullBenchmark.BATCH);
			}
			finally {
				integration.tearDown();
			}
		}
	}

	@Test
	void pubSubDeliversEveryBatchOnEachSide() {
		PubSubBenchmark benchmark = new PubSubBenchmark();
		for (Transport transport : Transport.values()) {
			PubSubBenchmark.RawState raw = flow(new PubSubBenchmark.RawState(), transport);
			raw.setUp();
			try {
				long before = raw.counter.get();
				benchmark.raw(raw);
				assertThat(raw.counter.get() - before).isGreaterThanOrEqualTo(PubSubBenchmark.BATCH);
			}
			finally {
				raw.tearDown();
			}
			PubSubBenchmark.StarterState starter = flow(new PubSubBenchmark.StarterState(), transport);
			starter.setUp();
			try {
				benchmark.starter(starter);
				assertThat(starter.counter.get()).isEqualTo(PubSubBenchmark.BATCH);
			}
			finally {
				starter.tearDown();
			}
			PubSubBenchmark.SpringIntegrationState integration = flow(new PubSubBenchmark.SpringIntegrationState(),
					transport);
			integration.setUp();
			try {
				long before = integration.counter.get();
				benchmark.springIntegration(integration);
				assertThat(integration.counter.get() - before).isGreaterThanOrEqualTo(PubSubBenchmark.BATCH);
			}
			finally {
				integration.tearDown();
			}
		}
	}

	@Test
	void requestsGetTheirRepliesOnEachSide() {
		RequestLatencyBenchmark latency = new RequestLatencyBenchmark();
		RequestThroughputBenchmark throughput = new RequestThroughputBenchmark();
		for (Transport transport : Transport.values()) {
			for (PayloadKind kind : new PayloadKind[] { PayloadKind.STRING, PayloadKind.JSON }) {
				RequestLatencyBenchmark.RawState raw = new RequestLatencyBenchmark.RawState();
				raw.transport = transport;
				raw.payload = kind;
				raw.size = 100;
				raw.setUp();
				try {
					assertThat(latency.raw(raw)).isEqualTo(raw.message);
				}
				finally {
					raw.tearDown();
				}
				RequestLatencyBenchmark.StarterState starter = new RequestLatencyBenchmark.StarterState();
				starter.transport = transport;
				starter.payload = kind;
				starter.size = 100;
				starter.setUp();
				try {
					assertThat(latency.starter(starter)).isEqualTo(starter.message);
				}
				finally {
					starter.tearDown();
				}
			}
			RequestThroughputBenchmark.RawState dealer = new RequestThroughputBenchmark.RawState();
			dealer.transport = transport;
			dealer.payload = PayloadKind.BYTES;
			dealer.size = 100;
			dealer.setUp();
			try {
				throughput.rawDealer(dealer);
				assertThat((byte[]) dealer.last()).hasSize(100);
			}
			finally {
				dealer.tearDown();
			}
			RequestThroughputBenchmark.StarterState starter = new RequestThroughputBenchmark.StarterState();
			starter.transport = transport;
			starter.payload = PayloadKind.BYTES;
			starter.size = 100;
			starter.setUp();
			try {
				assertThat((byte[]) throughput.starter(starter)).isEqualTo(starter.message);
			}
			finally {
				starter.tearDown();
			}
		}
	}

	private static <T extends PushPullBenchmark.Flow> T flow(T state, Transport transport, PayloadKind kind) {
		state.transport = transport;
		state.payload = kind;
		state.size = 100;
		return state;
	}

	private static <T extends PubSubBenchmark.Flow> T flow(T state, Transport transport) {
		state.transport = transport;
		state.payload = PayloadKind.BYTES;
		state.size = 100;
		return state;
	}

}
