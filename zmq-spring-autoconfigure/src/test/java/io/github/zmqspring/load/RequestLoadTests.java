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

package io.github.zmqspring.load;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.zmqspring.JavaProcess;
import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.core.ZmqRequestTimeoutException;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Load in the suite, bounded in size and time, over loopback: 64 concurrent template
 * callers over two servers and through a configured broker, and a server killed and
 * restarted while callers keep going.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RequestLoadTests {

	private static final int CALLERS = 64;

	@Test
	void sixtyFourCallersOverTwoServersGetEveryReplyExactlyOnce() throws Exception {
		int perCaller = 300;
		ZmqTestSupport.runner().withUserConfiguration(TwoServers.class).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String servers = ZmqTestSupport.connectTo(context, "one") + "," + ZmqTestSupport.connectTo(context, "two");
			long start = System.nanoTime();
			List<String> replies = ZmqTestSupport.callConcurrently(CALLERS, (caller) -> {
				List<String> mine = new ArrayList<>(perCaller);
				for (int i = 0; i < perCaller; i++) {
					String request = "c" + caller + "-" + i;
					String reply = template.request(servers, request, String.class, Duration.ofSeconds(10));
					assertThat(reply).as("reply to " + request).matches(request + "@(one|two)");
					mine.add(reply.substring(0, reply.indexOf('@')));
				}
				return mine;
			});
			assertThat(replies).as("one reply per request, none mismatched or lost")
				.hasSize(CALLERS * perCaller)
				.doesNotHaveDuplicates();
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			TwoServers counts = context.getBean(TwoServers.class);
			System.out.printf("%d callers x %d requests over two servers: %d ms (%d requests/s), split %d/%d%n",
					CALLERS, perCaller, millis, CALLERS * perCaller * 1000L / Math.max(1, millis), counts.one.get(),
					counts.two.get());
			assertThat(counts.one.get()).isPositive();
			assertThat(counts.two.get()).isPositive();
			assertThat(counts.one.get() + counts.two.get()).isEqualTo(CALLERS * perCaller);
		});
	}

	@Test
	void sixtyFourCallersThroughAConfiguredBrokerGetEveryReplyExactlyOnce() throws Exception {
		int perCaller = 200;
		String frontend = "tcp://127.0.0.1:" + freePort();
		String backend = "tcp://127.0.0.1:" + freePort();
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.broker.type=queue", "zmq.proxies.broker.frontend=" + frontend,
					"zmq.proxies.broker.backend=" + backend, "zmq.endpoints.broker-clients.addresses=>" + frontend,
					"load.server-one=broker-servers", "load.server-two=broker-servers",
					"zmq.endpoints.broker-servers.addresses=>" + backend)
			.withUserConfiguration(TwoServers.class)
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				long start = System.nanoTime();
				List<String> replies = ZmqTestSupport.callConcurrently(CALLERS, (caller) -> {
					List<String> mine = new ArrayList<>(perCaller);
					for (int i = 0; i < perCaller; i++) {
						String request = "c" + caller + "-" + i;
						String reply = template.request("broker-clients", request, String.class,
								Duration.ofSeconds(10));
						assertThat(reply).as("reply to " + request).matches(request + "@(one|two)");
						mine.add(reply.substring(0, reply.indexOf('@')));
					}
					return mine;
				});
				long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				assertThat(replies).as("one reply per request, none mismatched or lost")
					.hasSize(CALLERS * perCaller)
					.doesNotHaveDuplicates();
				TwoServers counts = context.getBean(TwoServers.class);
				assertThat(counts.one.get()).isPositive();
				assertThat(counts.two.get()).isPositive();
				System.out.printf(
						"%d callers x %d requests through a queue proxy: %d ms (%d requests/s), split %d/%d%n", CALLERS,
						perCaller, millis, CALLERS * perCaller * 1000L / Math.max(1, millis), counts.one.get(),
						counts.two.get());
			});
	}

	@Test
	void callersFailFastWhileTheServerIsDeadAndRecoverOnceItIsBack() throws Exception {
		String address = "tcp://127.0.0.1:" + freePort();
		Duration timeout = Duration.ofMillis(750);
		ZmqTestSupport.runner().run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			AtomicBoolean running = new AtomicBoolean(true);
			Map<String, AtomicInteger> successesByServer = new ConcurrentHashMap<>();
			AtomicInteger timeouts = new AtomicInteger();
			AtomicLong slowestFailureMillis = new AtomicLong();
			List<Throwable> unexpected = new CopyOnWriteArrayList<>();
			ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
			JavaProcess first = startServer(address, "first");
			JavaProcess second = null;
			try {
				List<Future<?>> futures = new ArrayList<>();
				for (int c = 0; c < CALLERS; c++) {
					int caller = c;
					futures.add(callers.submit(() -> {
						for (int i = 0; running.get(); i++) {
							String request = "c" + caller + "-" + i;
							long start = System.nanoTime();
							try {
								String reply = template.request(">" + address, request, String.class, timeout);
								if (!reply.startsWith(request + "@")) {
									unexpected.add(new AssertionError("mismatched reply " + reply + " to " + request));
								}
								successesByServer
									.computeIfAbsent(reply.substring(reply.indexOf('@') + 1),
											(server) -> new AtomicInteger())
									.incrementAndGet();
							}
							catch (ZmqRequestTimeoutException ex) {
								timeouts.incrementAndGet();
								slowestFailureMillis.accumulateAndGet(
										TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
							}
							catch (Throwable ex) {
								unexpected.add(ex);
							}
						}
					}));
				}
				await().atMost(Duration.ofSeconds(30)).until(() -> count(successesByServer, "first") >= 2000);

				first.kill();
				int timeoutsBefore = timeouts.get();
				await().atMost(Duration.ofSeconds(10)).until(() -> timeouts.get() >= timeoutsBefore + CALLERS);

				second = startServer(address, "second");
				await().atMost(Duration.ofSeconds(30)).until(() -> count(successesByServer, "second") >= 2000);
				running.set(false);
				for (Future<?> future : futures) {
					future.get(10, TimeUnit.SECONDS);
				}
			}
			finally {
				running.set(false);
				callers.shutdownNow();
				first.close();
				if (second != null) {
					second.close();
				}
			}
			assertThat(unexpected).as("only typed timeouts while the server is down, no mismatched reply").isEmpty();
			assertThat(slowestFailureMillis.get()).as("a failed call returns within its timeout")
				.isLessThan(timeout.toMillis() + 1000);
			assertThat(timeouts.get()).isGreaterThanOrEqualTo(CALLERS);
			System.out.printf(
					"server killed under load: %d typed timeouts (slowest %d ms for a %d ms timeout), "
							+ "%d replies before the kill, %d after the restart%n",
					timeouts.get(), slowestFailureMillis.get(), timeout.toMillis(), count(successesByServer, "first"),
					count(successesByServer, "second"));
		});
	}

	private static int count(Map<String, AtomicInteger> successes, String server) {
		AtomicInteger count = successes.get(server);
		return (count != null) ? count.get() : 0;
	}

	private static JavaProcess startServer(String address, String name) throws Exception {
		return JavaProcess.start(ReplierProcess.class, "--load.address=" + address, "--load.name=" + name)
			.awaitLine("READY", Duration.ofSeconds(60));
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Two repliers; each binds its own port unless {@code load.server-one/two} name an
	 * endpoint (a broker's back end).
	 */
	static class TwoServers {

		final AtomicInteger one = new AtomicInteger();

		final AtomicInteger two = new AtomicInteger();

		@ZmqReplier(value = "${load.server-one:@tcp://127.0.0.1:*}", id = "one")
		String one(String request) {
			this.one.incrementAndGet();
			return request + "@one";
		}

		@ZmqReplier(value = "${load.server-two:@tcp://127.0.0.1:*}", id = "two")
		String two(String request) {
			this.two.incrementAndGet();
			return request + "@two";
		}

	}

}
