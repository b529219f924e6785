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

package io.github.zmqspring.listener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code zmq.endpoints.<name>.max-message-size}: a peer sending a larger frame is
 * disconnected; the listener keeps serving its other peers.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqListenerMaxMessageSizeIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@ParameterizedTest
	@ValueSource(ints = { 1, 3 })
	void oversizedRequestDropsThatClientOnlyAndTheReplierKeepsServing(int concurrency) {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.small.addresses=@tcp://127.0.0.1:*",
					"zmq.endpoints.small.max-message-size=1KB", "test.concurrency=" + concurrency)
			.withUserConfiguration(SmallReplier.class)
			.run((context) -> {
				String address = ZmqTestSupport.boundAddress(context, "small");
				try (ZContext clients = new ZContext();
						ZMQ.Socket good = clients.createSocket(SocketType.DEALER);
						ZMQ.Socket big = clients.createSocket(SocketType.DEALER)) {
					connect(good, address);
					connect(big, address);
					assertThat(request(good, new byte[1000])).isEqualTo("1000");
					// a frame above the limit: JeroMQ drops the connection of that peer
					assertThat(request(big, new byte[2048])).as("no reply to an oversized request").isNull();
					for (int i = 0; i < 10; i++) {
						assertThat(request(good, new byte[i])).isEqualTo(String.valueOf(i));
					}
					assertThat(ZmqTestSupport.rawRequestText(address, new byte[10])).isEqualTo("10");
				}
				ZmqListenerCounters counters = ZmqListenerRejectedInputIntegrationTests.counters(context, "small");
				assertThat(counters.received()).isEqualTo(12);
				assertThat(counters.handled()).isEqualTo(12);
				assertThat(context.isRunning()).isTrue();
			});
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void oversizedPushDropsThatPusherOnlyAndThePullerKeepsPulling(int concurrency) {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.small.addresses=@tcp://127.0.0.1:*",
					"zmq.endpoints.small.max-message-size=1KB", "test.concurrency=" + concurrency)
			.withUserConfiguration(SmallPuller.class)
			.run((context) -> {
				String address = ZmqTestSupport.boundAddress(context, "small-pull");
				List<Integer> pulled = context.getBean(SmallPuller.class).sizes;
				try (ZContext clients = new ZContext();
						ZMQ.Socket good = clients.createSocket(SocketType.PUSH);
						ZMQ.Socket big = clients.createSocket(SocketType.PUSH)) {
					good.setLinger(0);
					// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
					good.setHandshakeIvl(500);
					big.setLinger(0);
					// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
					big.setHandshakeIvl(500);
					good.connect(address);
					big.connect(address);
					assertThat(good.send(new byte[1], 0)).isTrue();
					await().atMost(TIMEOUT).until(() -> pulled.contains(1));
					assertThat(big.send(new byte[4096], 0)).isTrue();
					for (int i = 2; i <= 20; i++) {
						assertThat(good.send(new byte[i], 0)).isTrue();
					}
					await().atMost(TIMEOUT).until(() -> pulled.contains(20));
				}
				assertThat(pulled).doesNotContain(4096).hasSize(20);
				ZmqListenerCounters counters = ZmqListenerRejectedInputIntegrationTests.counters(context, "small-pull");
				assertThat(counters.received()).isEqualTo(20);
			});
	}

	private static void connect(ZMQ.Socket socket, String address) {
		socket.setLinger(0);
		socket.setHandshakeIvl(500);
		socket.setReceiveTimeOut(1000);
		socket.connect(address);
	}

	private static String request(ZMQ.Socket socket, byte[] body) {
		ZMsg request = new ZMsg();
		request.add(new byte[0]);
		request.add(body);
		assertThat(request.send(socket)).isTrue();
		ZMsg reply = ZMsg.recvMsg(socket);
		if (reply == null) {
			return null;
		}
		assertThat(reply.pop().getData()).isEmpty();
		return reply.popString();
	}

	static class SmallReplier {

		@ZmqReplier(value = "small", id = "small", concurrency = "${test.concurrency}")
		String size(byte[] request) {
			return String.valueOf(request.length);
		}

	}

	static class SmallPuller {

		final List<Integer> sizes = new CopyOnWriteArrayList<>();

		@ZmqPuller(value = "small", id = "small-pull", concurrency = "${test.concurrency}")
		void size(byte[] message) {
			this.sizes.add(message.length);
		}

	}

}
