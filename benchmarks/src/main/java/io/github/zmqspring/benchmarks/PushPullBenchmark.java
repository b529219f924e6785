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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import tools.jackson.databind.json.JsonMapper;

import io.github.zmqspring.core.ZmqTemplate;

/**
 * Streaming push → pull throughput, counted as received by the puller: each invocation
 * sends {@link StreamingState#messagesFor} messages in a tight loop from the benchmark
 * thread, then waits until the receiver has counted all of them; the rate is the
 * secondary result {@value Delivered#LABEL} (arrived per second). Raw JeroMQ (one PUSH in
 * the benchmark thread → PULL on a receiver thread), {@code ZmqTemplate.push} →
 * {@code @ZmqPuller}, and spring-integration-zeromq (byte[] only). Every send and receive
 * high-water mark is {@value #HWM}, JeroMQ's default (the puller's default prefetch of
 * 250 is raised to match), so the sender is held back only by ZeroMQ's own flow control.
 *
 * @author zmq-spring contributors
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PushPullBenchmark {

	/** High-water mark of every socket. */
	public static final int HWM = 1000;

	@Benchmark
	public void raw(RawState state, Delivered delivered) {
		delivered.add(state.stream());
	}

	@Benchmark
	public void starter(StarterState state, Delivered delivered) {
		delivered.add(state.stream());
	}

	@Benchmark
	public void springIntegration(SpringIntegrationState state, Delivered delivered) {
		delivered.add(state.stream());
	}

	/**
	 * Parameters of the raw and starter flows.
	 */
	@State(Scope.Benchmark)
	public abstract static class Flow extends StreamingState {

		@Param({ "TCP", "INPROC" })
		public Transport transport;

		@Param({ "BYTES", "STRING", "JSON" })
		public PayloadKind payload;

		@Param({ "100", "1024", "65536" })
		public int size;

	}

	/**
	 * Raw JeroMQ: PUSH in the benchmark thread, PULL on a receiver thread, one context.
	 */
	public static class RawState extends Flow {

		private final JsonMapper jsonMapper = JsonMapper.builder().build();

		private ZMQ.Context context;

		private RawPeer puller;

		private ZMQ.Socket push;

		@Setup
		public void setUp() {
			prepare(this.payload, this.size, messagesFor(this.transport, this.payload, this.size));
			this.context = ZMQ.context(1);
			PayloadKind kind = this.payload;
			this.puller = RawPeer.start(this.context, SocketType.PULL, this.transport,
					(socket) -> socket.setRcvHWM(HWM), (socket) -> {
						while (true) {
							this.counter.received(kind.decode(socket.recv(0), this.jsonMapper));
						}
					});
			this.push = this.context.socket(SocketType.PUSH);
			this.push.setSndHWM(HWM);
			this.push.connect(this.puller.address());
		}

		long stream() {
			// locals: the loop is all raw JeroMQ gets measured by, keep it tight
			ZMQ.Socket socket = this.push;
			PayloadKind kind = this.payload;
			Object payload = this.message;
			JsonMapper mapper = this.jsonMapper;
			for (int i = 0; i < this.messages; i++) {
				socket.send(kind.encode(payload, mapper), 0);
			}
			return awaitArrivals();
		}

		@TearDown
		public void tearDown() {
			RawPeer.shutdown(this.context, this.puller, this.push);
		}

	}

	/**
	 * The starter: {@code ZmqTemplate.push} → {@code @ZmqPuller}, one application.
	 */
	public static class StarterState extends Flow {

		private StarterFixture fixture;

		private ZmqTemplate template;

		@Setup
		public void setUp() {
			prepare(this.payload, this.size, messagesFor(this.transport, this.payload, this.size));
			this.fixture = StarterFixture.start(this.transport, StarterListeners.of("pull", this.payload), this.counter,
					Map.of("receive-high-water-mark", HWM), Map.of("send-high-water-mark", HWM));
			this.template = this.fixture.template();
		}

		long stream() {
			ZmqTemplate sender = this.template;
			Object payload = this.message;
			for (int i = 0; i < this.messages; i++) {
				sender.push(StarterFixture.OUT, payload);
			}
			return awaitArrivals();
		}

		@TearDown
		public void tearDown() {
			this.fixture.close();
		}

	}

	/**
	 * spring-integration-zeromq: handler (PUSH) → producer (PULL), byte[] only.
	 */
	@State(Scope.Benchmark)
	public static class SpringIntegrationState extends StreamingState {

		@Param({ "TCP", "INPROC" })
		public Transport transport;

		@Param({ "100", "1024", "65536" })
		public int size;

		private SpringIntegrationFixture fixture;

		@Setup
		public void setUp() {
			prepare(PayloadKind.BYTES, this.size, springIntegrationMessagesFor(this.transport, this.size));
			this.fixture = SpringIntegrationFixture.start(this.transport, false, HWM, this.counter);
		}

		long stream() {
			return streamThrough(this.fixture);
		}

		@TearDown
		public void tearDown() {
			this.fixture.close();
		}

	}

}
