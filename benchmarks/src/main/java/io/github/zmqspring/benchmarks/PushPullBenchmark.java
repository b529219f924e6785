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
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import tools.jackson.databind.json.JsonMapper;

import io.github.zmqspring.core.ZmqTemplate;

/**
 * push → pull throughput in messages per second, counted as received by the puller: each
 * invocation sends a batch of {@value #BATCH} messages and returns once the receiver has
 * all of them, so queuing on the send side cannot inflate the figure. Raw JeroMQ (PUSH →
 * PULL on a receiver thread), {@code ZmqTemplate.push} → {@code @ZmqPuller}, and
 * spring-integration-zeromq (byte[] only). Send and receive high-water marks are
 * {@value #HWM} on every side (the puller's default prefetch of 10 is raised to match).
 *
 * @author zmq-spring contributors
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PushPullBenchmark {

	/** Messages per invocation. */
	public static final int BATCH = 1000;

	/** High-water mark of every socket. */
	public static final int HWM = 1000;

	static final Duration BATCH_TIMEOUT = Duration.ofSeconds(30);

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void raw(RawState state) {
		state.sendBatch();
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void starter(StarterState state) {
		state.sendBatch();
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void springIntegration(SpringIntegrationState state) {
		state.sendBatch();
	}

	/**
	 * Parameters of the raw and starter flows.
	 */
	@State(Scope.Benchmark)
	public abstract static class Flow {

		@Param({ "TCP", "INPROC" })
		public Transport transport;

		@Param({ "BYTES", "STRING", "JSON" })
		public PayloadKind payload;

		@Param({ "100", "1024", "65536" })
		public int size;

		final MessageCounter counter = new MessageCounter();

		Object message;

		long sent;

		void awaitBatch() {
			this.counter.awaitAtLeast(this.sent, BATCH_TIMEOUT);
		}

	}

	public static class RawState extends Flow {

		private final JsonMapper jsonMapper = JsonMapper.builder().build();

		private ZMQ.Context context;

		private RawPeer puller;

		private ZMQ.Socket push;

		@Setup
		public void setUp() {
			this.message = this.payload.create(this.size);
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

		void sendBatch() {
			for (int i = 0; i < BATCH; i++) {
				this.push.send(this.payload.encode(this.message, this.jsonMapper), 0);
			}
			this.sent += BATCH;
			awaitBatch();
		}

		@TearDown
		public void tearDown() {
			RawPeer.shutdown(this.context, this.puller, this.push);
		}

	}

	public static class StarterState extends Flow {

		private StarterFixture fixture;

		private ZmqTemplate template;

		@Setup
		public void setUp() {
			this.message = this.payload.create(this.size);
			this.fixture = StarterFixture.start(this.transport, StarterListeners.of("pull", this.payload), this.counter,
					Map.of("receive-high-water-mark", HWM), Map.of("send-high-water-mark", HWM));
			this.template = this.fixture.template();
		}

		void sendBatch() {
			for (int i = 0; i < BATCH; i++) {
				this.template.push(StarterFixture.OUT, this.message);
			}
			this.sent += BATCH;
			awaitBatch();
		}

		@TearDown
		public void tearDown() {
			this.fixture.close();
		}

	}

	@State(Scope.Benchmark)
	public static class SpringIntegrationState {

		@Param({ "TCP", "INPROC" })
		public Transport transport;

		@Param({ "100", "1024", "65536" })
		public int size;

		final MessageCounter counter = new MessageCounter();

		private SpringIntegrationFixture fixture;

		private byte[] message;

		private long sent;

		@Setup
		public void setUp() {
			this.message = (byte[]) PayloadKind.BYTES.create(this.size);
			this.fixture = SpringIntegrationFixture.start(this.transport, false, HWM, this.counter);
		}

		void sendBatch() {
			for (int i = 0; i < BATCH; i++) {
				this.fixture.send(this.message);
			}
			this.sent += BATCH;
			this.counter.awaitAtLeast(this.sent, BATCH_TIMEOUT);
		}

		@TearDown
		public void tearDown() {
			this.fixture.close();
		}

	}

}
