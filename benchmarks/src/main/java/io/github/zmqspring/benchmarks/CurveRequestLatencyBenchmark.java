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
 * What CURVE costs a request: {@link RequestLatencyBenchmark}'s tcp {@code byte[]} flow
 * (raw REQ → REP echo thread, {@code ZmqTemplate.request} → {@code @ZmqReplier} echo, one
 * request at a time, every call sampled) with the {@link Security} of the connection as a
 * parameter. The bound echo side is the CURVE server, the requesting side the client; the
 * handshake happens in the set-up, so each request pays four frame encryptions or
 * decryptions (request and reply, each end) and nothing else.
 *
 * @author zmq-spring contributors
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CurveRequestLatencyBenchmark {

	@Benchmark
	public Object raw(RawState state) {
		return state.request();
	}

	@Benchmark
	public Object starter(StarterState state) {
		return state.template.request(StarterFixture.OUT, state.message, byte[].class);
	}

	/**
	 * Parameters of both flows, and the key pairs of the trial.
	 */
	@State(Scope.Benchmark)
	public abstract static class Flow {

		@Param({ "NULL", "CURVE" })
		public Security security;

		@Param({ "100", "65536" })
		public int size;

		final CurveKeyPairs keys = CurveKeyPairs.generate();

		byte[] message;

	}

	/**
	 * Raw JeroMQ: REQ in the benchmark thread → a REP echo thread, one context.
	 */
	public static class RawState extends Flow {

		private ZMQ.Context context;

		private RawPeer server;

		private ZMQ.Socket req;

		@Setup
		public void setUp() {
			this.message = (byte[]) PayloadKind.BYTES.create(this.size);
			this.context = ZMQ.context(1);
			this.server = RawPeer.start(this.context, SocketType.REP, Transport.TCP,
					(socket) -> this.security.server(socket, this.keys), (socket) -> {
						while (true) {
							socket.send(socket.recv(0), 0);
						}
					});
			this.req = this.context.socket(SocketType.REQ);
			this.req.setReceiveTimeOut(10_000);
			this.security.client(this.req, this.keys);
			this.req.connect(this.server.address());
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
			RawPeer.shutdown(this.context, this.server, this.req);
		}

	}

	/**
	 * The starter: {@code ZmqTemplate.request} → {@code @ZmqReplier} echo, the security
	 * from the endpoints' properties.
	 */
	public static class StarterState extends Flow {

		StarterFixture fixture;

		ZmqTemplate template;

		@Setup
		public void setUp() {
			this.message = (byte[]) PayloadKind.BYTES.create(this.size);
			this.fixture = StarterFixture.start(Transport.TCP, StarterListeners.BytesReplier.class,
					new MessageCounter(), this.security.serverOptions(this.keys, Map.of()),
					this.security.clientOptions(this.keys, Map.of()));
			this.template = this.fixture.template();
		}

		@TearDown
		public void tearDown() {
			this.fixture.close();
		}

	}

}
