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
 * Proves the request benchmarks work without running them: every state is set up over tcp
 * and inproc, every benchmark method runs once (a pipelined one with a few hundred
 * requests), every reply equals its request, and the state is torn down.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RequestBenchmarkHarnessTests {

	private static final int REQUESTS = 300;

	@Test
	void sequentialRequestsGetTheirRepliesOnEachSide() {
		RequestLatencyBenchmark benchmark = new RequestLatencyBenchmark();
		for (Transport transport : Transport.values()) {
			for (PayloadKind kind : new PayloadKind[] { PayloadKind.BYTES, PayloadKind.JSON }) {
				RequestLatencyBenchmark.RawState raw = latency(new RequestLatencyBenchmark.RawState(), transport, kind);
				raw.setUp();
				try {
					assertThat(benchmark.raw(raw)).isEqualTo(raw.message);
				}
				finally {
					raw.tearDown();
				}
				RequestLatencyBenchmark.StarterState starter = latency(new RequestLatencyBenchmark.StarterState(),
						transport, kind);
				starter.setUp();
				try {
					assertThat(benchmark.starter(starter)).isEqualTo(starter.message);
				}
				finally {
					starter.tearDown();
				}
			}
		}
	}

	@Test
	void blockingCallersGetTheirRepliesOnEachSide() {
		BlockingCallersBenchmark benchmark = new BlockingCallersBenchmark();
		for (Transport transport : Transport.values()) {
			BlockingCallersBenchmark.RawServer server = new BlockingCallersBenchmark.RawServer();
			server.transport = transport;
			server.size = 100;
			server.setUp();
			BlockingCallersBenchmark.RawCaller first = new BlockingCallersBenchmark.RawCaller();
			BlockingCallersBenchmark.RawCaller second = new BlockingCallersBenchmark.RawCaller();
			try {
				first.setUp(server);
				second.setUp(server);
				assertThat(benchmark.raw(first)).isEqualTo(server.message);
				assertThat(benchmark.raw(second)).isEqualTo(server.message);
			}
			finally {
				first.tearDown();
				second.tearDown();
				server.tearDown();
			}
			BlockingCallersBenchmark.StarterState starter = new BlockingCallersBenchmark.StarterState();
			starter.transport = transport;
			starter.size = 100;
			starter.setUp();
			try {
				assertThat(benchmark.starter(starter)).isEqualTo(starter.message);
			}
			finally {
				starter.tearDown();
			}
		}
	}

	@Test
	void pipelinedRequestsGetAllTheirRepliesOnEachSide() throws InterruptedException {
		AsyncInFlightBenchmark benchmark = new AsyncInFlightBenchmark();
		for (Transport transport : Transport.values()) {
			AsyncInFlightBenchmark.RawState raw = pipelined(new AsyncInFlightBenchmark.RawState(), transport);
			raw.setUp();
			try {
				Delivered delivered = new Delivered();
				benchmark.rawDealer(raw, delivered);
				assertThat(delivered.received).isEqualTo(REQUESTS);
				assertThat(raw.last).isEqualTo(raw.message);
			}
			finally {
				raw.tearDown();
			}
			AsyncInFlightBenchmark.StarterState starter = pipelined(new AsyncInFlightBenchmark.StarterState(),
					transport);
			starter.setUp();
			try {
				Delivered delivered = new Delivered();
				benchmark.starter(starter, delivered);
				assertThat(delivered.received).isEqualTo(REQUESTS);
				assertThat(starter.last).isEqualTo(starter.message);
			}
			finally {
				starter.tearDown();
			}
		}
	}

	private static <T extends RequestLatencyBenchmark.Flow> T latency(T state, Transport transport, PayloadKind kind) {
		state.transport = transport;
		state.payload = kind;
		state.size = 100;
		return state;
	}

	private static <T extends AsyncInFlightBenchmark.Flow> T pipelined(T state, Transport transport) {
		state.transport = transport;
		state.size = 100;
		state.requests = REQUESTS;
		return state;
	}

}
