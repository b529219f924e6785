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
import org.openjdk.jmh.annotations.Threads;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import io.github.zmqspring.core.ZmqTemplate;

/**
 * Request throughput of {@value #CALLERS} threads that each block until their reply
 * arrives, in requests per second: {@value #CALLERS} JMH threads calling
 * {@code ZmqTemplate.request} on one shared template → one {@code @ZmqReplier} echo
 * (default concurrency: one thread), against {@value #CALLERS} raw threads each with its
 * own REQ socket (a REQ socket cannot be shared) → one {@link RawEcho ROUTER echo}
 * thread. Both sides: one server thread, byte[] echoed as is, JeroMQ's default high-water
 * marks.
 *
 * @author zmq-spring contributors
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BlockingCallersBenchmark {

	/** Threads calling at once. */
	public static final int CALLERS = 16;

	@Benchmark
	@Threads(CALLERS)
	public byte[] raw(RawCaller caller) {
		return caller.request();
	}

	@Benchmark
	@Threads(CALLERS)
	public byte[] starter(StarterState state) {
		return state.template.request(StarterFixture.OUT, state.message, byte[].class);
	}

	/**
	 * The raw echo server shared by the callers.
	 */
	@State(Scope.Benchmark)
	public static class RawServer {

		@Param({ "TCP", "INPROC" })
		public Transport transport;

		@Param({ "100", "1024", "65536" })
		public int size;

		byte[] message;

		RawEcho echo;

		@Setup
		public void setUp() {
			this.message = (byte[]) PayloadKind.BYTES.create(this.size);
			this.echo = RawEcho.start(this.transport);
		}

		@TearDown
		public void tearDown() {
			this.echo.stop();
		}

	}

	/**
	 * One raw caller: its own REQ socket, created and used on its JMH thread.
	 */
	@State(Scope.Thread)
	public static class RawCaller {

		private ZMQ.Socket req;

		private byte[] message;

		@Setup
		public void setUp(RawServer server) {
			this.message = server.message;
			this.req = server.echo.context().socket(SocketType.REQ);
			this.req.setReceiveTimeOut(10_000);
			this.req.connect(server.echo.address());
		}

		byte[] request() {
			this.req.send(this.message, 0);
			byte[] reply = this.req.recv(0);
			if (reply == null) {
				throw new IllegalStateException("No reply within 10 s");
			}
			return reply;
		}

		@TearDown
		public void tearDown() {
			this.req.setLinger(0);
			this.req.close();
		}

	}

	/**
	 * The starter: one template shared by the JMH threads → {@code @ZmqReplier} echo.
	 */
	@State(Scope.Benchmark)
	public static class StarterState {

		@Param({ "TCP", "INPROC" })
		public Transport transport;

		@Param({ "100", "1024", "65536" })
		public int size;

		byte[] message;

		private StarterFixture fixture;

		ZmqTemplate template;

		@Setup
		public void setUp() {
			this.message = (byte[]) PayloadKind.BYTES.create(this.size);
			this.fixture = StarterFixture.start(this.transport, StarterListeners.of("rep", PayloadKind.BYTES),
					new MessageCounter(), Map.of(), Map.of());
			this.template = this.fixture.template();
		}

		@TearDown
		public void tearDown() {
			this.fixture.close();
		}

	}

}
