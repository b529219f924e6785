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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
 * publish → subscribe throughput in messages per second, counted as received by the
 * subscriber, in batches of {@value #BATCH} like {@link PushPullBenchmark}. Every message
 * is two frames {@code [topic, payload]} (spring-integration adds its empty delimiter
 * frame). Subscriptions are in place before measuring: the starter waits with
 * {@code ZmqTemplate.awaitSubscribers}; the raw and spring-integration publishers publish
 * until the first message arrives. High-water marks are {@value #HWM} everywhere, so no
 * batch can overflow a queue and be dropped by PUB.
 *
 * @author zmq-spring contributors
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PubSubBenchmark {

	/** Messages per invocation. */
	public static final int BATCH = 1000;

	/** High-water mark of every socket. */
	public static final int HWM = 10_000;

	private static final byte[] TOPIC = StarterFixture.TOPIC.getBytes(StandardCharsets.UTF_8);

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
	 * Parameters and counting shared by the three flows.
	 */
	@State(Scope.Benchmark)
	public abstract static class Flow {

		@Param({ "TCP", "INPROC" })
		public Transport transport;

		@Param({ "BYTES" })
		public PayloadKind payload;

		@Param({ "100", "1024", "65536" })
		public int size;

		final MessageCounter counter = new MessageCounter();

		Object message;

		long sent;

		/**
		 * Publish until the first message arrives, then let the probes settle: from then
		 * on every published message reaches the subscriber.
		 */
		void probeUntilSubscribed(Consumer<Object> publish) {
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (this.counter.get() == 0) {
				if (System.nanoTime() - deadline >= 0) {
					throw new IllegalStateException("The subscriber received nothing within 10 s");
				}
				publish.accept(this.message);
				this.counter.awaitQuiet(Duration.ofMillis(5));
			}
			this.sent = this.counter.awaitQuiet(Duration.ofMillis(100));
		}

		void sendBatch(Consumer<Object> publish) {
			for (int i = 0; i < BATCH; i++) {
				publish.accept(this.message);
			}
			this.sent += BATCH;
			this.counter.awaitAtLeast(this.sent, PushPullBenchmark.BATCH_TIMEOUT);
		}

	}

	public static class RawState extends Flow {

		private final JsonMapper jsonMapper = JsonMapper.builder().build();

		private ZMQ.Context context;

		private RawPeer subscriber;

		private ZMQ.Socket pub;

		@Setup
		public void setUp() {
			this.message = this.payload.create(this.size);
			this.context = ZMQ.context(1);
			PayloadKind kind = this.payload;
			this.subscriber = RawPeer.start(this.context, SocketType.SUB, this.transport, (socket) -> {
				socket.setRcvHWM(HWM);
				socket.subscribe(TOPIC);
			}, (socket) -> {
				while (true) {
					socket.recv(0);
					this.counter.received(kind.decode(socket.recv(0), this.jsonMapper));
				}
			});
			this.pub = this.context.socket(SocketType.PUB);
			this.pub.setSndHWM(HWM);
			this.pub.connect(this.subscriber.address());
			probeUntilSubscribed(this::publish);
		}

		private void publish(Object message) {
			this.pub.send(TOPIC, ZMQ.SNDMORE);
			this.pub.send(this.payload.encode(message, this.jsonMapper), 0);
		}

		void sendBatch() {
			sendBatch(this::publish);
		}

		@TearDown
		public void tearDown() {
			RawPeer.shutdown(this.context, this.subscriber, this.pub);
		}

	}

	public static class StarterState extends Flow {

		private StarterFixture fixture;

		private ZmqTemplate template;

		@Setup
		public void setUp() {
			this.message = this.payload.create(this.size);
			this.fixture = StarterFixture.start(this.transport, StarterListeners.of("sub", this.payload), this.counter,
					Map.of("receive-high-water-mark", HWM), Map.of("send-high-water-mark", HWM));
			this.template = this.fixture.template();
			if (!this.template.awaitSubscribers(StarterFixture.OUT, StarterFixture.TOPIC, 1, Duration.ofSeconds(10))) {
				throw new IllegalStateException("No subscriber within 10 s");
			}
		}

		void sendBatch() {
			sendBatch((message) -> this.template.publish(StarterFixture.OUT, StarterFixture.TOPIC, message));
		}

		@TearDown
		public void tearDown() {
			this.fixture.close();
		}

	}

	public static class SpringIntegrationState extends Flow {

		private SpringIntegrationFixture fixture;

		@Setup
		public void setUp() {
			if (this.payload != PayloadKind.BYTES) {
				throw new IllegalArgumentException("The spring-integration flow sends byte[] only");
			}
			this.message = this.payload.create(this.size);
			this.fixture = SpringIntegrationFixture.start(this.transport, true, HWM, this.counter);
			probeUntilSubscribed(this::publish);
		}

		private void publish(Object message) {
			this.fixture.send((byte[]) message);
		}

		void sendBatch() {
			sendBatch(this::publish);
		}

		@TearDown
		public void tearDown() {
			this.fixture.close();
		}

	}

}
