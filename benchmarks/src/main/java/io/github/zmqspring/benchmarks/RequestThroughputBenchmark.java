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

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import tools.jackson.databind.json.JsonMapper;

import io.github.zmqspring.core.ZmqTemplate;

/**
 * request → reply throughput with {@value #IN_FLIGHT} requests outstanding:
 * {@value #IN_FLIGHT} threads calling {@code ZmqTemplate.request} at once (one shared
 * template, one {@code @ZmqReplier}) vs the raw baseline of ONE DEALER keeping
 * {@value #IN_FLIGHT} requests in flight ({@code [empty][payload]}, send
 * {@value #IN_FLIGHT}, then one more per reply) against the raw REP server thread of
 * {@link RequestLatencyBenchmark}.
 *
 * @author zmq-spring contributors
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RequestThroughputBenchmark {

	/** Requests outstanding at once. */
	public static final int IN_FLIGHT = 16;

	/** Requests per invocation of the raw pipeline. */
	public static final int BATCH = 1000;

	private static final byte[] EMPTY = new byte[0];

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void rawDealer(RawState state) {
		state.pipeline();
	}

	@Benchmark
	@Threads(IN_FLIGHT)
	public Object starter(StarterState state) {
		return state.template.request(StarterFixture.OUT, state.message, state.payload.javaType());
	}

	@State(Scope.Benchmark)
	public static class StarterState {

		@Param({ "TCP", "INPROC" })
		public Transport transport;

		@Param({ "BYTES" })
		public PayloadKind payload;

		@Param({ "100", "1024", "65536" })
		public int size;

		Object message;

		private StarterFixture fixture;

		ZmqTemplate template;

		@Setup
		public void setUp() {
			this.message = this.payload.create(this.size);
			this.fixture = StarterFixture.start(this.transport, StarterListeners.of("rep", this.payload),
					new MessageCounter(), Map.of(), Map.of());
			this.template = this.fixture.template();
		}

		@TearDown
		public void tearDown() {
			this.fixture.close();
		}

	}

	@State(Scope.Benchmark)
	public static class RawState {

		@Param({ "TCP", "INPROC" })
		public Transport transport;

		@Param({ "BYTES" })
		public PayloadKind payload;

		@Param({ "100", "1024", "65536" })
		public int size;

		private final JsonMapper jsonMapper = JsonMapper.builder().build();

		private Object message;

		private RequestLatencyBenchmark.RawServer server;

		private ZMQ.Socket dealer;

		private volatile Object last;

		@Setup
		public void setUp() {
			this.message = this.payload.create(this.size);
			this.server = RequestLatencyBenchmark.RawServer.start(this.transport, this.payload, this.jsonMapper);
			this.dealer = this.server.context().socket(SocketType.DEALER);
			this.dealer.setReceiveTimeOut(10_000);
			this.dealer.connect(this.server.peer().address());
		}

		void pipeline() {
			int sent = 0;
			while (sent < IN_FLIGHT) {
				send();
				sent++;
			}
			for (int received = 0; received < BATCH; received++) {
				byte[] delimiter = this.dealer.recv(0);
				if (delimiter == null) {
					throw new IllegalStateException("No reply within 10 s");
				}
				this.last = this.payload.decode(this.dealer.recv(0), this.jsonMapper);
				if (sent < BATCH) {
					send();
					sent++;
				}
			}
		}

		private void send() {
			this.dealer.send(EMPTY, ZMQ.SNDMORE);
			this.dealer.send(this.payload.encode(this.message, this.jsonMapper), 0);
		}

		Object last() {
			return this.last;
		}

		@TearDown
		public void tearDown() {
			RawPeer.shutdown(this.server.context(), this.server.peer(), this.dealer);
		}

	}

}
