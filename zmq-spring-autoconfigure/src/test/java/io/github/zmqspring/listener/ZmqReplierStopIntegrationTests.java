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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stopping replier answers what it took: every request a client got in before the stop
 * is answered, with its result while the shutdown timeout allows, else with
 * {@code 503 Service Unavailable}; an {@link Error} in the method is a {@code 500} reply
 * and the listener goes on serving.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqReplierStopIntegrationTests {

	private static final String UNAVAILABLE = "ZMQ-SPRING-ERROR 503 Service Unavailable";

	private static final String SERVER_ERROR = "ZMQ-SPRING-ERROR 500 Internal Server Error";

	@Test
	void stoppingReplierWithOneThreadAnswersEveryClientsRequestWithItsResult() throws Exception {
		stopWhileBusy("slow1", 4);
	}

	@Test
	void stoppingReplierWithFourThreadsAnswersEveryClientsRequestWithItsResult() throws Exception {
		stopWhileBusy("slow4", 8);
	}

	private void stopWhileBusy(String id, int clients) throws Exception {
		try (ZContext peers = new ZContext()) {
			ZmqTestSupport.runner().withUserConfiguration(Slow.class).run((context) -> {
				String address = ZmqTestSupport.boundAddress(context, id);
				List<ZMQ.Socket> sockets = new ArrayList<>();
				for (int i = 0; i < clients; i++) {
					ZMQ.Socket socket = client(peers, address);
					sockets.add(socket);
					send(socket, "r" + i);
				}
				Slow slow = context.getBean(Slow.class);
				await().atMost(Duration.ofSeconds(5)).until(() -> slow.started.get() >= 1);
				long start = System.nanoTime();
				CompletableFuture<Void> closed = close(context);
				for (int i = 0; i < clients; i++) {
					assertThat(receive(sockets.get(i))).as("reply to client " + i).isEqualTo("r" + i + "!");
				}
				closed.get(10, TimeUnit.SECONDS);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("stop time")
					.isLessThan(Duration.ofSeconds(6));
			});
		}
	}

	@Test
	void requestsAPeerSendsAfterTheOneItHadInFlightAreAnsweredWithServiceUnavailable() throws Exception {
		try (ZContext peers = new ZContext()) {
			ZmqTestSupport.runner().withUserConfiguration(Slow.class).run((context) -> {
				ZMQ.Socket pipelining = client(peers, ZmqTestSupport.boundAddress(context, "slow1"));
				for (int i = 0; i < 4; i++) {
					send(pipelining, "p" + i);
				}
				Slow slow = context.getBean(Slow.class);
				await().atMost(Duration.ofSeconds(5)).until(() -> slow.started.get() >= 1);
				CompletableFuture<Void> closed = close(context);
				List<String> replies = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					replies.add(receive(pipelining));
				}
				closed.get(10, TimeUnit.SECONDS);
				assertThat(replies).as("every request answered").doesNotContainNull();
				assertThat(replies.get(0)).isEqualTo("p0!");
				assertThat(replies).contains(UNAVAILABLE);
			});
		}
	}

	@Test
	void requestsStillBeingHandledAtTheShutdownTimeoutAreAnsweredWithServiceUnavailable() throws Exception {
		try (ZContext peers = new ZContext()) {
			ZmqTestSupport.runner()
				.withUserConfiguration(Stuck.class)
				.withPropertyValues("zmq.listener.shutdown-timeout=300ms")
				.run((context) -> {
					String address = ZmqTestSupport.boundAddress(context, "stuck4");
					List<ZMQ.Socket> sockets = new ArrayList<>();
					for (int i = 0; i < 4; i++) {
						ZMQ.Socket socket = client(peers, address);
						sockets.add(socket);
						send(socket, "s" + i);
					}
					Stuck stuck = context.getBean(Stuck.class);
					await().atMost(Duration.ofSeconds(5)).until(() -> stuck.started.get() == 4);
					CompletableFuture<Void> closed = close(context);
					for (ZMQ.Socket socket : sockets) {
						assertThat(receive(socket)).isEqualTo(UNAVAILABLE);
					}
					stuck.release();
					closed.get(10, TimeUnit.SECONDS);
				});
		}
	}

	@Test
	void anErrorInTheMethodIsAServerErrorReplyAndTheListenerGoesOnServing() {
		ZmqTestSupport.runner().withUserConfiguration(Failing.class).run((context) -> {
			for (String id : new String[] { "failing1", "failing4" }) {
				String address = ZmqTestSupport.boundAddress(context, id);
				for (int i = 0; i < 6; i++) {
					assertThat(ZmqTestSupport.rawRequestText(address, ZmqTestSupport.utf8("boom")))
						.isEqualTo(SERVER_ERROR);
				}
				assertThat(ZmqTestSupport.rawRequestText(address, ZmqTestSupport.utf8("fine"))).isEqualTo("fine!");
				ZmqListenerContainer container = context
					.getBean(io.github.zmqspring.config.ZmqListenerEndpointRegistry.class)
					.getListenerContainer(id);
				assertThat(container.isServing()).isTrue();
				assertThat(container.getCounters().failed()).isEqualTo(6);
			}
		});
	}

	private static CompletableFuture<Void> close(AssertableApplicationContext context) {
		return CompletableFuture
			.runAsync(() -> ((ConfigurableApplicationContext) context.getSourceApplicationContext()).close());
	}

	private static ZMQ.Socket client(ZContext peers, String address) {
		ZMQ.Socket socket = peers.createSocket(SocketType.DEALER);
		socket.setLinger(0);
		// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake (jeromq#1022): retry it
		// soon
		socket.setHandshakeIvl(300);
		socket.setReceiveTimeOut(8000);
		socket.connect(address);
		return socket;
	}

	private static void send(ZMQ.Socket socket, String request) {
		socket.sendMore(new byte[0]);
		socket.send(request);
	}

	private static String receive(ZMQ.Socket socket) {
		ZMsg reply = ZMsg.recvMsg(socket);
		if (reply == null) {
			return null;
		}
		assertThat(reply.pop().getData()).as("delimiter").isEmpty();
		return new String(reply.pop().getData(), StandardCharsets.UTF_8);
	}

	static class Slow {

		final AtomicInteger started = new AtomicInteger();

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "slow1")
		String slow1(String request) {
			return handle(request);
		}

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "slow4", concurrency = "4")
		String slow4(String request) {
			return handle(request);
		}

		private String handle(String request) {
			this.started.incrementAndGet();
			// a handler busy for a while
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(150));
			return request + "!";
		}

	}

	static class Stuck {

		final AtomicInteger started = new AtomicInteger();

		private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "stuck4", concurrency = "4")
		String stuck(String request) throws InterruptedException {
			this.started.incrementAndGet();
			this.release.await(20, TimeUnit.SECONDS);
			return request + "!";
		}

		void release() {
			this.release.countDown();
		}

	}

	static class Failing {

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "failing1")
		String failing1(String request) {
			return fail(request);
		}

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "failing4", concurrency = "4")
		String failing4(String request) {
			return fail(request);
		}

		private String fail(String request) {
			if (request.equals("boom")) {
				// what a huge payload does to a handler: an Error, not an Exception
				throw new OutOfMemoryError("simulated: Java heap space");
			}
			return request + "!";
		}

	}

}
