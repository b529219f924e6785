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

import io.github.zmqspring.core.ZmqTemplate;

/**
 * Streaming publish → subscribe throughput, counted as received by the subscriber, shaped
 * like {@link PushPullBenchmark}: one invocation publishes
 * {@link StreamingState#messagesFor} messages in a tight loop and waits until all of them
 * arrived. Every message is two frames {@code [topic, payload]} (spring-integration adds
 * its empty delimiter frame).
 * <p>
 * PUB drops what does not fit under its high-water mark instead of waiting, so a count to
 * N needs room for N: the publisher's send and the subscriber's receive high-water marks
 * are {@value #HWM} (unlimited) on every side, raw, starter and spring-integration alike,
 * and the starter's receive budget (which would otherwise disconnect a publisher that is
 * far ahead with 64 KiB frames) is raised to {@value #RECEIVE_BUDGET}. Subscriptions are
 * in place before anything is measured: the starter waits with
 * {@code ZmqTemplate.awaitSubscribers}; the raw and spring-integration publishers publish
 * until the first message arrives and the probes have settled.
 *
 * @author zmq-spring contributors
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PubSubBenchmark {

	/** High-water mark of every socket: 0, no limit, so PUB never drops. */
	public static final int HWM = 0;

	/** The starter's receive budget, context and socket. */
	public static final String RECEIVE_BUDGET = "512MB";

	private static final byte[] TOPIC = StarterFixture.TOPIC.getBytes(StandardCharsets.UTF_8);

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
	 * Parameters shared by the three flows (byte[] only: pub/sub adds no conversion path
	 * that push → pull does not measure).
	 */
	@State(Scope.Benchmark)
	public abstract static class Flow extends StreamingState {

		@Param({ "TCP", "INPROC" })
		public Transport transport;

		@Param({ "100", "1024", "65536" })
		public int size;

		/**
		 * Publish until the first message arrives, then let the probes settle: from then
		 * on every published message reaches the subscriber.
		 */
		void probeUntilSubscribed(Runnable publish) {
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (this.counter.get() == 0) {
				if (System.nanoTime() - deadline >= 0) {
					throw new IllegalStateException("The subscriber received nothing within 10 s");
				}
				publish.run();
				this.counter.awaitQuiet(Duration.ofMillis(5));
			}
			countFrom(this.counter.awaitQuiet(Duration.ofMillis(100)));
		}

	}

	/**
	 * Raw JeroMQ: PUB in the benchmark thread, SUB on a receiver thread, one context.
	 */
	public static class RawState extends Flow {

		private ZMQ.Context context;

		private RawPeer subscriber;

		private ZMQ.Socket pub;

		@Setup
		public void setUp() {
			prepare(PayloadKind.BYTES, this.size, messagesFor(this.transport, PayloadKind.BYTES, this.size));
			this.context = ZMQ.context(1);
			this.subscriber = RawPeer.start(this.context, SocketType.SUB, this.transport, (socket) -> {
				socket.setRcvHWM(HWM);
				socket.subscribe(TOPIC);
			}, (socket) -> {
				while (true) {
					socket.recv(0);
					this.counter.received(socket.recv(0));
				}
			});
			this.pub = this.context.socket(SocketType.PUB);
			this.pub.setSndHWM(HWM);
			this.pub.connect(this.subscriber.address());
			probeUntilSubscribed(() -> {
				this.pub.send(TOPIC, ZMQ.SNDMORE);
				this.pub.send((byte[]) this.message, 0);
			});
		}

		long stream() {
			ZMQ.Socket socket = this.pub;
			byte[] topic = TOPIC;
			byte[] payload = (byte[]) this.message;
			for (int i = 0; i < this.messages; i++) {
				socket.send(topic, ZMQ.SNDMORE);
				socket.send(payload, 0);
			}
			return awaitArrivals();
		}

		@TearDown
		public void tearDown() {
			RawPeer.shutdown(this.context, this.subscriber, this.pub);
		}

	}

	/**
	 * The starter: {@code ZmqTemplate.publish} → {@code @ZmqSubscriber}, one application.
	 */
	public static class StarterState extends Flow {

		private StarterFixture fixture;

		private ZmqTemplate template;

		@Setup
		public void setUp() {
			prepare(PayloadKind.BYTES, this.size, messagesFor(this.transport, PayloadKind.BYTES, this.size));
			this.fixture = StarterFixture.start(this.transport, StarterListeners.of("sub", PayloadKind.BYTES),
					this.counter, Map.of("receive-high-water-mark", HWM), Map.of("send-high-water-mark", HWM),
					Map.of("zmq.context.receive-budget", RECEIVE_BUDGET, "zmq.context.socket-receive-budget",
							RECEIVE_BUDGET));
			this.template = this.fixture.template();
			if (!this.template.awaitSubscribers(StarterFixture.OUT, StarterFixture.TOPIC, 1, Duration.ofSeconds(10))) {
				throw new IllegalStateException("No subscriber within 10 s");
			}
		}

		long stream() {
			ZmqTemplate sender = this.template;
			Object payload = this.message;
			for (int i = 0; i < this.messages; i++) {
				sender.publish(StarterFixture.OUT, StarterFixture.TOPIC, payload);
			}
			return awaitArrivals();
		}

		@TearDown
		public void tearDown() {
			this.fixture.close();
		}

	}

	/**
	 * spring-integration-zeromq: handler (PUB) → producer (SUB).
	 */
	public static class SpringIntegrationState extends Flow {

		private SpringIntegrationFixture fixture;

		@Setup
		public void setUp() {
			prepare(PayloadKind.BYTES, this.size, springIntegrationMessagesFor(this.transport, this.size));
			this.fixture = SpringIntegrationFixture.start(this.transport, true, HWM, this.counter);
			probeUntilSubscribed(() -> this.fixture.send((byte[]) this.message));
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
