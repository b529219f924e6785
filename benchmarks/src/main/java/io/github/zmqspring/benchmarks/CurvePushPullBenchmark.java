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

import io.github.zmqspring.core.ZmqTemplate;

/**
 * What CURVE costs a stream: {@link PushPullBenchmark}'s tcp {@code byte[]} flow (raw
 * PUSH in the benchmark thread → PULL thread, {@code ZmqTemplate.push} →
 * {@code @ZmqPuller}, high-water marks {@value PushPullBenchmark#HWM}) with the
 * {@link Security} of the connection as a parameter, so NULL and CURVE run side by side
 * in one run. The bound PULL side is the CURVE server, the PUSH side the client; the
 * handshake happens in the set-up, so the figure is the cost per message: encrypting and
 * decrypting every frame. Rate counted as received, {@value Delivered#LABEL}.
 *
 * @author zmq-spring contributors
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CurvePushPullBenchmark {

	@Benchmark
	public void raw(RawState state, Delivered delivered) {
		delivered.add(state.stream());
	}

	@Benchmark
	public void starter(StarterState state, Delivered delivered) {
		delivered.add(state.stream());
	}

	/**
	 * Return how many messages one invocation streams: as {@link PushPullBenchmark} for
	 * NULL; for CURVE, which is about 10 times (100 B) to 80 times (64 KiB) slower on
	 * JeroMQ, fewer, so that an invocation still takes about a second.
	 * @param security the security
	 * @param size the payload size
	 * @return the count
	 */
	public static int curveMessagesFor(Security security, int size) {
		if (security == Security.NULL) {
			return StreamingState.messagesFor(Transport.TCP, PayloadKind.BYTES, size);
		}
		return (size <= 128) ? 100_000 : ((size <= 2048) ? 10_000 : 300);
	}

	/**
	 * Parameters of both flows, and the key pairs of the trial.
	 */
	@State(Scope.Benchmark)
	public abstract static class Flow extends StreamingState {

		@Param({ "NULL", "CURVE" })
		public Security security;

		@Param({ "100", "65536" })
		public int size;

		final CurveKeyPairs keys = CurveKeyPairs.generate();

	}

	/**
	 * Raw JeroMQ: PUSH in the benchmark thread, PULL on a receiver thread, one context.
	 */
	public static class RawState extends Flow {

		private ZMQ.Context context;

		private RawPeer puller;

		private ZMQ.Socket push;

		@Setup
		public void setUp() {
			prepare(PayloadKind.BYTES, this.size, curveMessagesFor(this.security, this.size));
			this.context = ZMQ.context(1);
			this.puller = RawPeer.start(this.context, SocketType.PULL, Transport.TCP, (socket) -> {
				socket.setRcvHWM(PushPullBenchmark.HWM);
				this.security.server(socket, this.keys);
			}, (socket) -> {
				while (true) {
					this.counter.received(socket.recv(0));
				}
			});
			this.push = this.context.socket(SocketType.PUSH);
			this.push.setSndHWM(PushPullBenchmark.HWM);
			this.security.client(this.push, this.keys);
			this.push.connect(this.puller.address());
		}

		long stream() {
			// locals: the loop is all raw JeroMQ gets measured by, keep it tight
			ZMQ.Socket socket = this.push;
			byte[] payload = (byte[]) this.message;
			for (int i = 0; i < this.messages; i++) {
				socket.send(payload, 0);
			}
			return awaitArrivals();
		}

		@TearDown
		public void tearDown() {
			RawPeer.shutdown(this.context, this.puller, this.push);
		}

	}

	/**
	 * The starter: {@code ZmqTemplate.push} → {@code @ZmqPuller}, one application, the
	 * security from the endpoints' properties.
	 */
	public static class StarterState extends Flow {

		StarterFixture fixture;

		private ZmqTemplate template;

		@Setup
		public void setUp() {
			prepare(PayloadKind.BYTES, this.size, curveMessagesFor(this.security, this.size));
			this.fixture = StarterFixture.start(Transport.TCP, StarterListeners.BytesPuller.class, this.counter,
					this.security.serverOptions(this.keys, Map.of("receive-high-water-mark", PushPullBenchmark.HWM)),
					this.security.clientOptions(this.keys, Map.of("send-high-water-mark", PushPullBenchmark.HWM)));
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

}
