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
import java.util.concurrent.Semaphore;
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
 * Request throughput of ONE thread keeping {@value #IN_FLIGHT} requests in flight, in
 * replies per second (the secondary result {@value Delivered#LABEL}); one invocation
 * issues {@link #requestsFor(int)} requests and waits for the last reply. Starter: a
 * {@code Semaphore(16)}, acquired before each {@code ZmqTemplate.requestAsync} and
 * released when its future completes, → {@code @ZmqReplier} echo. Raw: one DEALER sending
 * {@code [empty][payload]} (what a REQ would), 16 up front and then one more per reply, →
 * the {@link RawEcho ROUTER echo} thread.
 *
 * @author zmq-spring contributors
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AsyncInFlightBenchmark {

	/** Requests outstanding at once. */
	public static final int IN_FLIGHT = 16;

	private static final byte[] EMPTY = new byte[0];

	@Benchmark
	public void rawDealer(RawState state, Delivered delivered) {
		delivered.add(state.pipeline());
	}

	@Benchmark
	public void starter(StarterState state, Delivered delivered) throws InterruptedException {
		delivered.add(state.pipeline());
	}

	/**
	 * Return how many requests one invocation issues: a few tenths of a second at the
	 * rates of a 2-core machine.
	 * @param size the payload size
	 * @return the count
	 */
	public static int requestsFor(int size) {
		return (size <= 2048) ? 10_000 : 1_000;
	}

	/**
	 * Parameters shared by both flows.
	 */
	@State(Scope.Benchmark)
	public abstract static class Flow {

		@Param({ "TCP", "INPROC" })
		public Transport transport;

		@Param({ "100", "1024", "65536" })
		public int size;

		byte[] message;

		/** Requests per invocation; 0 picks {@link #requestsFor(int)} at set-up. */
		int requests;

		/** The last reply, kept so the JIT cannot drop it. */
		volatile byte[] last;

		void prepare() {
			this.message = (byte[]) PayloadKind.BYTES.create(this.size);
			if (this.requests == 0) {
				this.requests = requestsFor(this.size);
			}
		}

	}

	/**
	 * Raw JeroMQ: one DEALER pipelining against the ROUTER echo.
	 */
	public static class RawState extends Flow {

		private RawEcho echo;

		private ZMQ.Socket dealer;

		@Setup
		public void setUp() {
			prepare();
			this.echo = RawEcho.start(this.transport);
			this.dealer = this.echo.context().socket(SocketType.DEALER);
			this.dealer.setReceiveTimeOut(10_000);
			this.dealer.connect(this.echo.address());
		}

		long pipeline() {
			ZMQ.Socket socket = this.dealer;
			int sent = 0;
			while (sent < Math.min(IN_FLIGHT, this.requests)) {
				send(socket);
				sent++;
			}
			byte[] reply = null;
			for (int received = 0; received < this.requests; received++) {
				if (socket.recv(0) == null) {
					throw new IllegalStateException("No reply within 10 s");
				}
				reply = socket.recv(0);
				if (sent < this.requests) {
					send(socket);
					sent++;
				}
			}
			this.last = reply;
			return this.requests;
		}

		private void send(ZMQ.Socket socket) {
			socket.send(EMPTY, ZMQ.SNDMORE);
			socket.send(this.message, 0);
		}

		@TearDown
		public void tearDown() {
			this.dealer.setLinger(0);
			this.dealer.close();
			this.echo.stop();
		}

	}

	/**
	 * The starter: {@code requestAsync} bounded by a semaphore → {@code @ZmqReplier}
	 * echo.
	 */
	public static class StarterState extends Flow {

		private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

		private StarterFixture fixture;

		private ZmqTemplate template;

		private volatile Throwable failure;

		@Setup
		public void setUp() {
			prepare();
			this.fixture = StarterFixture.start(this.transport, StarterListeners.of("rep", PayloadKind.BYTES),
					new MessageCounter(), Map.of(), Map.of());
			this.template = this.fixture.template();
		}

		long pipeline() throws InterruptedException {
			for (int i = 0; i < this.requests; i++) {
				acquire(1);
				this.template.requestAsync(StarterFixture.OUT, this.message, byte[].class)
					.whenComplete(this::completed);
			}
			// all permits back: every reply (or failure) is in
			acquire(IN_FLIGHT);
			this.inFlight.release(IN_FLIGHT);
			Throwable failed = this.failure;
			if (failed != null) {
				throw new IllegalStateException("A request failed", failed);
			}
			return this.requests;
		}

		private void acquire(int permits) throws InterruptedException {
			if (!this.inFlight.tryAcquire(permits, StreamingState.ARRIVAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("Replies missing after " + StreamingState.ARRIVAL_TIMEOUT);
			}
		}

		private void completed(byte[] reply, Throwable ex) {
			if (ex != null) {
				this.failure = ex;
			}
			else {
				this.last = reply;
			}
			this.inFlight.release();
		}

		@TearDown
		public void tearDown() {
			this.fixture.close();
		}

	}

}
