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

package io.github.zmqspring.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link ZmqTemplate} never waits forever and recovers after a timeout; one-way sends are
 * queued until a peer connects and arrive exactly once under concurrency.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqTemplateRequestIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void requestWithoutServerTimesOutThenSucceedsOnceAReplierBinds() throws Exception {
		int port = freePort();
		String target = ">tcp://127.0.0.1:" + port;
		ZmqTestSupport.runner().run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			Duration timeout = Duration.ofMillis(700);
			long start = System.nanoTime();
			assertThatExceptionOfType(ZmqRequestTimeoutException.class)
				.isThrownBy(() -> template.request(target, "anyone?", String.class, timeout))
				.satisfies((ex) -> assertThat(ex.getTimeout()).isEqualTo(timeout));
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			assertThat(elapsed).isGreaterThanOrEqualTo(timeout).isLessThan(timeout.plusSeconds(2));
			ZmqTestSupport.runner()
				.withPropertyValues("test.address=@tcp://127.0.0.1:" + port)
				.withUserConfiguration(Echo.class)
				.run((server) -> assertThat(template.request(target, "now", String.class, TIMEOUT))
					.isEqualTo("echo now"));
		});
	}

	@Test
	void lateReplyIsDiscardedAndNextRequestGetsItsOwnReply() {
		ZmqTestSupport.runner().withUserConfiguration(Slow.class).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String target = ZmqTestSupport.connectTo(context, "slow");
			Slow slow = context.getBean(Slow.class);
			assertThatExceptionOfType(ZmqRequestTimeoutException.class)
				.isThrownBy(() -> template.request(target, "slow", String.class, Duration.ofMillis(500)));
			slow.release.countDown();
			assertThat(template.request(target, "next", String.class, TIMEOUT)).isEqualTo("reply to next");
			assertThat(slow.lateReplies.await(5, TimeUnit.SECONDS)).as("late reply was sent").isTrue();
		});
	}

	@Test
	void requestAsyncCompletesExceptionallyOnTimeout() throws Exception {
		String target = ">tcp://127.0.0.1:" + freePort();
		ZmqTestSupport.runner().run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			CompletableFuture<String> future = template.requestAsync(target, "x", String.class, Duration.ofMillis(300));
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(5, TimeUnit.SECONDS))
				.withCauseInstanceOf(ZmqRequestTimeoutException.class);
		});
	}

	@Test
	void pushBeforePullerBindsWaitsForItAndIsDelivered() throws Exception {
		int port = freePort();
		ZmqTestSupport.runner().run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			// no puller yet: the push waits (up to the 5 s send timeout) for one
			CompletableFuture<Void> push = CompletableFuture
				.runAsync(() -> template.push(">tcp://127.0.0.1:" + port, "early"));
			ZmqTestSupport.runner()
				.withPropertyValues("test.address=@tcp://127.0.0.1:" + port)
				.withUserConfiguration(Sink.class)
				.run((sink) -> {
					assertThat(sink.getBean(Sink.class).received.poll(5, TimeUnit.SECONDS)).isEqualTo("early");
					push.get(5, TimeUnit.SECONDS);
				});
		});
	}

	@Test
	void concurrentPushesArriveExactlyOnce() throws Exception {
		ZmqTestSupport.runner()
			.withPropertyValues("test.address=@tcp://127.0.0.1:*")
			.withUserConfiguration(Sink.class)
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				String target = ZmqTestSupport.connectTo(context, "sink");
				ExecutorService executor = Executors.newFixedThreadPool(8);
				List<String> expected = new ArrayList<>();
				try {
					List<Future<?>> futures = new ArrayList<>();
					for (int t = 0; t < 8; t++) {
						int thread = t;
						for (int i = 0; i < 100; i++) {
							expected.add(thread + "-" + i);
						}
						futures.add(executor.submit(() -> {
							for (int i = 0; i < 100; i++) {
								template.push(target, thread + "-" + i);
							}
						}));
					}
					for (Future<?> future : futures) {
						future.get(10, TimeUnit.SECONDS);
					}
				}
				finally {
					executor.shutdownNow();
				}
				BlockingQueue<String> received = context.getBean(Sink.class).received;
				List<String> messages = new ArrayList<>();
				await().atMost(TIMEOUT).until(() -> {
					received.drainTo(messages);
					return messages.size() >= expected.size();
				});
				assertThat(messages).containsExactlyInAnyOrderElementsOf(expected);
			});
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	static class Echo {

		@ZmqReplier(value = "${test.address}", id = "echo")
		String echo(String request) {
			return "echo " + request;
		}

	}

	static class Slow {

		final CountDownLatch release = new CountDownLatch(1);

		final CountDownLatch lateReplies = new CountDownLatch(1);

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "slow")
		String handle(String request) throws InterruptedException {
			if ("slow".equals(request)) {
				this.release.await(5, TimeUnit.SECONDS);
				this.lateReplies.countDown();
				return "late reply to slow";
			}
			return "reply to " + request;
		}

	}

	static class Sink {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		@ZmqPuller(value = "${test.address}", id = "sink")
		void onMessage(String message) {
			this.received.add(message);
		}

	}

}
