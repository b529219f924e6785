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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many callers at once: every caller gets its own reply from one replier, from a replier
 * with {@code concurrency > 1}, from two load-balanced repliers and through a
 * ROUTER/DEALER broker.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqReplierConcurrencyIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void sixteenThreadsGetTheirOwnReplies() throws Exception {
		ZmqTestSupport.runner().withUserConfiguration(Suffixer.class).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String target = ZmqTestSupport.connectTo(context, "suffix");
			List<String> replies = ZmqTestSupport.callConcurrently(16, (thread) -> {
				List<String> mine = new ArrayList<>();
				for (int i = 0; i < 50; i++) {
					String request = "t" + thread + "-r" + i;
					String reply = template.request(target, request, String.class, TIMEOUT);
					assertThat(reply).isEqualTo(request + "|suffix");
					mine.add(reply);
				}
				return mine;
			});
			assertThat(replies).hasSize(16 * 50).doesNotHaveDuplicates();
		});
	}

	@Test
	void replierWithConcurrencyFourHandlesFourRequestsInParallel() throws Exception {
		ZmqTestSupport.runner().withUserConfiguration(ParallelReplier.class).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String target = ZmqTestSupport.connectTo(context, "parallel");
			// each handler waits until all four are inside it: only passes if four run at
			// once
			List<String> replies = ZmqTestSupport.callConcurrently(4,
					(thread) -> List.of(template.request(target, "p" + thread, String.class, Duration.ofSeconds(10))));
			assertThat(replies).containsExactlyInAnyOrder("p0 passed", "p1 passed", "p2 passed", "p3 passed");
		});
	}

	@Test
	void requestsAreLoadBalancedOverTwoRepliers() throws Exception {
		ZmqTestSupport.runner().withUserConfiguration(TwoRepliers.class).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String target = ZmqTestSupport.connectTo(context, "a") + "," + ZmqTestSupport.connectTo(context, "b");
			List<String> replies = ZmqTestSupport.callConcurrently(4, (thread) -> {
				List<String> mine = new ArrayList<>();
				for (int i = 0; i < 25; i++) {
					String request = "t" + thread + "-r" + i;
					String reply = template.request(target, request, String.class, TIMEOUT);
					assertThat(reply).matches(request.replace("-", "\\-") + "@[ab]");
					mine.add(reply);
				}
				return mine;
			});
			assertThat(replies).hasSize(100);
			TwoRepliers servers = context.getBean(TwoRepliers.class);
			assertThat(servers.a.get()).isPositive();
			assertThat(servers.b.get()).isPositive();
			assertThat(servers.a.get() + servers.b.get()).isEqualTo(100);
		});
	}

	@Test
	void callersGetTheirOwnRepliesThroughRouterDealerBroker() throws Exception {
		try (Broker broker = new Broker()) {
			ZmqTestSupport.runner()
				.withPropertyValues("test.backend=>tcp://127.0.0.1:" + broker.backendPort)
				.withUserConfiguration(BrokeredRepliers.class)
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					String frontend = ">tcp://127.0.0.1:" + broker.frontendPort;
					List<String> replies = ZmqTestSupport.callConcurrently(8, (thread) -> {
						List<String> mine = new ArrayList<>();
						for (int i = 0; i < 20; i++) {
							String request = "t" + thread + "-r" + i;
							String reply = template.request(frontend, request, String.class, TIMEOUT);
							assertThat(reply).matches(request.replace("-", "\\-") + "@w[12]");
							mine.add(reply);
						}
						return mine;
					});
					assertThat(replies).hasSize(160);
					BrokeredRepliers workers = context.getBean(BrokeredRepliers.class);
					assertThat(workers.handled.get()).isGreaterThanOrEqualTo(160);
				});
		}
	}

	/**
	 * A queue device: ROUTER front end, DEALER back end, {@code ZMQ.proxy} on its own
	 * thread, stopped with {@code TERMINATE} on a PAIR control socket. All sockets of the
	 * proxy are created and closed on the proxy thread.
	 */
	static final class Broker implements AutoCloseable {

		private final ZContext context = new ZContext();

		private final Thread thread;

		private final ZMQ.Socket control;

		final int frontendPort;

		final int backendPort;

		Broker() throws Exception {
			String controlAddress = ZmqTestSupport.inproc("broker-control");
			CompletableFuture<int[]> ports = new CompletableFuture<>();
			this.thread = new Thread(() -> {
				try (ZMQ.Socket frontend = this.context.createSocket(SocketType.ROUTER);
						ZMQ.Socket backend = this.context.createSocket(SocketType.DEALER);
						ZMQ.Socket controlled = this.context.createSocket(SocketType.PAIR)) {
					frontend.bind("tcp://127.0.0.1:*");
					backend.bind("tcp://127.0.0.1:*");
					controlled.bind(controlAddress);
					ports.complete(new int[] { port(frontend), port(backend) });
					ZMQ.proxy(frontend, backend, null, controlled);
				}
				catch (RuntimeException ex) {
					ports.completeExceptionally(ex);
				}
			}, "test-broker");
			this.thread.start();
			int[] bound = ports.get(5, TimeUnit.SECONDS);
			this.frontendPort = bound[0];
			this.backendPort = bound[1];
			this.control = this.context.createSocket(SocketType.PAIR);
			this.control.connect(controlAddress);
		}

		private static int port(ZMQ.Socket socket) {
			String endpoint = socket.getLastEndpoint();
			return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
		}

		@Override
		public void close() throws Exception {
			this.control.send(ZMQ.PROXY_TERMINATE);
			this.thread.join(5000);
			assertThat(this.thread.isAlive()).as("broker thread stopped").isFalse();
			this.control.close();
			this.context.close();
		}

	}

	static class Suffixer {

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "suffix")
		String suffix(String request) {
			return request + "|suffix";
		}

	}

	static class ParallelReplier {

		private final CyclicBarrier barrier = new CyclicBarrier(4);

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "parallel", concurrency = "4")
		String handle(String request) throws Exception {
			this.barrier.await(5, TimeUnit.SECONDS);
			return request + " passed";
		}

	}

	static class TwoRepliers {

		final AtomicInteger a = new AtomicInteger();

		final AtomicInteger b = new AtomicInteger();

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "a")
		String a(String request) {
			this.a.incrementAndGet();
			return request + "@a";
		}

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "b")
		String b(String request) {
			this.b.incrementAndGet();
			return request + "@b";
		}

	}

	static class BrokeredRepliers {

		final AtomicInteger handled = new AtomicInteger();

		@ZmqReplier(value = "${test.backend}", id = "w1")
		String w1(String request) {
			this.handled.incrementAndGet();
			return request + "@w1";
		}

		@ZmqReplier(value = "${test.backend}", id = "w2")
		String w2(String request) {
			this.handled.incrementAndGet();
			return request + "@w2";
		}

	}

}
