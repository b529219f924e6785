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
 * Sequential request → reply latency (one caller, one request at a time; JMH samples
 * every call, the report takes the median and the 99th percentile): raw REQ → REP echo
 * thread vs {@code ZmqTemplate.request} → {@code @ZmqReplier} echo. Both servers convert
 * the request to its Java type and the reply back (the raw one by hand), and both clients
 * convert the reply; JeroMQ's default high-water marks everywhere.
 *
 * @author zmq-spring contributors
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestLatencyBenchmark {

	@Benchmark
	public Object raw(RawState state) {
		return state.request();
	}

	@Benchmark
	public Object starter(StarterState state) {
		return state.template.request(StarterFixture.OUT, state.message, state.payload.javaType());
	}

	/**
	 * Parameters shared by both flows.
	 */
	@State(Scope.Benchmark)
	public abstract static class Flow {

		@Param({ "TCP", "INPROC" })
		public Transport transport;

		@Param({ "BYTES", "STRING", "JSON" })
		public PayloadKind payload;

		@Param({ "100", "1024", "65536" })
		public int size;

		Object message;

	}

	/**
	 * A raw REP server thread that converts each request and its reply by hand, as the
	 * {@code @ZmqReplier} does for the user.
	 *
	 * @param context the context
	 * @param peer the server thread
	 */
	record RawServer(ZMQ.Context context, RawPeer peer) {

		static RawServer start(Transport transport, PayloadKind kind, JsonMapper jsonMapper) {
			ZMQ.Context context = ZMQ.context(1);
			RawPeer peer = RawPeer.start(context, SocketType.REP, transport, (socket) -> {
			}, (socket) -> {
				while (true) {
					Object request = kind.decode(socket.recv(0), jsonMapper);
					socket.send(kind.encode(request, jsonMapper), 0);
				}
			});
			return new RawServer(context, peer);
		}

	}

	/**
	 * Raw JeroMQ: REQ in the benchmark thread → the REP echo thread.
	 */
	public static class RawState extends Flow {

		private final JsonMapper jsonMapper = JsonMapper.builder().build();

		private RawServer server;

		private ZMQ.Socket req;

		@Setup
		public void setUp() {
			this.message = this.payload.create(this.size);
			this.server = RawServer.start(this.transport, this.payload, this.jsonMapper);
			this.req = this.server.context().socket(SocketType.REQ);
			this.req.setReceiveTimeOut(10_000);
			this.req.connect(this.server.peer().address());
		}

		Object request() {
			this.req.send(this.payload.encode(this.message, this.jsonMapper), 0);
			byte[] reply = this.req.recv(0);
			if (reply == null) {
				throw new IllegalStateException("No reply within 10 s");
			}
			return this.payload.decode(reply, this.jsonMapper);
		}

		@TearDown
		public void tearDown() {
			RawPeer.shutdown(this.server.context(), this.server.peer(), this.req);
		}

	}

	/**
	 * The starter: {@code ZmqTemplate.request} → {@code @ZmqReplier} echo.
	 */
	public static class StarterState extends Flow {

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

}
