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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.autoconfigure.ZmqAutoConfiguration;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for the threads of listener containers and the template: their names,
 * that none survive the application context, stopping while a message is being handled,
 * and that idle listeners do not burn CPU.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqListenerContainerLifecycleTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void listenerThreadsAreNamedAfterTheListenerAndEndWithTheContext() {
		this.contextRunner.withBean("threads", ThreadListeners.class).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			assertThat(template.request("inproc://lifecycle-threads-echo", "hi", String.class, Duration.ofSeconds(5)))
				.isEqualTo("hi");
			template.push("inproc://lifecycle-threads-tasks", "task");
			// the template's background thread starts for what no caller waits on, such
			// as an asynchronous reply
			assertThat(template.requestAsync("inproc://lifecycle-threads-echo", "hi", String.class)
				.get(5, TimeUnit.SECONDS)).isEqualTo("hi");
			assertThat(zmqThreadNames()).contains("zmq-echo-1", "zmq-echo-2", "zmq-echo-3", "zmq-echo-proxy",
					"zmq-threads.onTask-1", "zmq-threads.onTask-2", "zmq-threads.onTask-proxy", "zmq-threads.onPrice-1",
					"zmq-template-io");
			assertThat(zmqThreadNames()).doesNotContain("zmq-threads.onPrice-proxy", "zmq-echo-4");
		});
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(zmqThreadNames()).isEmpty());
	}

	@Test
	void stopWaitsForTheMessageBeingHandledAndSendsItsReply() throws Exception {
		BlockingReplier replier = new BlockingReplier();
		this.contextRunner.withPropertyValues("zmq.listener.shutdown-timeout=5s")
			.withBean("blocking", BlockingReplier.class, () -> replier)
			.run((context) -> {
				ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
				String address = registry.getListenerContainer("blocking.handle").getBoundAddresses().get(0);
				try (ZContext clientContext = new ZContext()) {
					// a DEALER speaking the REQ wire format, retrying a stalled handshake
					// quickly
					// (JeroMQ 0.6.0 sometimes leaves the handshake of a fresh connection
					// unfinished)
					ZMQ.Socket client = clientContext.createSocket(SocketType.DEALER);
					client.setHandshakeIvl(500);
					client.setReceiveTimeOut(5000);
					client.connect(address);
					client.sendMore("");
					assertThat(client.send("work")).isTrue();
					assertThat(replier.entered.await(5, TimeUnit.SECONDS)).isTrue();

					long start = System.nanoTime();
					CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
					await().atMost(Duration.ofSeconds(5)).until(() -> !registry.isRunning());
					assertThat(closing).isNotDone();
					replier.release.countDown();

					assertThat(client.recvStr()).isEmpty();
					assertThat(client.recvStr()).isEqualTo("done: work");
					closing.get(5, TimeUnit.SECONDS);
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
				}
			});
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(zmqThreadNames()).isEmpty());
	}

	@Test
	void closeReturnsWhenAHandlerOverrunsTheShutdownTimeout() throws Exception {
		BlockingReplier replier = new BlockingReplier();
		try {
			this.contextRunner.withPropertyValues("zmq.listener.shutdown-timeout=500ms")
				.withBean("stuck", BlockingReplier.class, () -> replier)
				.run((context) -> {
					ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
					String address = registry.getListenerContainer("stuck.handle").getBoundAddresses().get(0);
					try (ZContext clientContext = new ZContext()) {
						ZMQ.Socket client = clientContext.createSocket(SocketType.DEALER);
						client.setHandshakeIvl(500);
						client.setLinger(0);
						client.connect(address);
						client.sendMore("");
						assertThat(client.send("work")).isTrue();
						assertThat(replier.entered.await(5, TimeUnit.SECONDS)).isTrue();

						long start = System.nanoTime();
						CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
						closing.get(5, TimeUnit.SECONDS);
						assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
					}
				});
		}
		finally {
			replier.release.countDown();
		}
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(zmqThreadNames()).isEmpty());
	}

	@Test
	void idleListenersUseNoCpu() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		this.contextRunner.withBean("idle", IdleListeners.class).run((context) -> {
			assertThat(context.getBean(ZmqListenerEndpointRegistry.class).getListenerContainerIds()).hasSize(5);
			Map<Long, String> zmqThreads = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> thread.getName().startsWith("zmq-"))
				.collect(Collectors.toMap(Thread::getId, Thread::getName));
			// 5 listeners, one of them with 2 threads behind a proxy, and zmq-events
			assertThat(zmqThreads).hasSize(8).containsValue("zmq-events");
			Map<Long, Long> before = cpuTimes(threads, zmqThreads.keySet());
			long windowStart = System.nanoTime();
			await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
			assertThat(Duration.ofNanos(System.nanoTime() - windowStart)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
			Map<Long, Long> after = cpuTimes(threads, zmqThreads.keySet());
			long used = before.keySet().stream().mapToLong((id) -> after.get(id) - before.get(id)).sum();
			assertThat(Duration.ofNanos(used)).as("CPU time of %s over 1s", zmqThreads.values())
				.isLessThan(Duration.ofMillis(50));
		});
	}

	private static Map<Long, Long> cpuTimes(ThreadMXBean threads, Set<Long> ids) {
		return ids.stream().collect(Collectors.toMap((id) -> id, (id) -> Math.max(0, threads.getThreadCpuTime(id))));
	}

	@Test
	void aListenerThatCannotBindStopsTheOthersSoNoThreadOutlivesTheFailedStartup() {
		try (ZContext squatterContext = new ZContext()) {
			ZMQ.Socket squatter = squatterContext.createSocket(SocketType.REP);
			squatter.bind("tcp://127.0.0.1:*");
			this.contextRunner.withPropertyValues("test.taken=" + squatter.getLastEndpoint())
				.withBean("first", FirstListener.class)
				.withBean("second", TakenAddressListener.class)
				.run((context) -> assertThat(context).hasFailed());
		}
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(zmqThreadNames()).isEmpty());
	}

	private static List<String> zmqThreadNames() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("zmq-"))
			.sorted()
			.toList();
	}

	static class FirstListener {

		@ZmqPuller(value = "tcp://127.0.0.1:*", id = "first")
		void onMessage(String message) {
		}

	}

	static class TakenAddressListener {

		@ZmqReplier(value = "${test.taken}", id = "taken")
		String handle(String request) {
			return request;
		}

	}

	static class ThreadListeners {

		@ZmqReplier(value = "inproc://lifecycle-threads-echo", id = "echo", concurrency = "3")
		String echo(String request) {
			return request;
		}

		@ZmqPuller(value = "inproc://lifecycle-threads-tasks", concurrency = "2")
		void onTask(String task) {
		}

		@ZmqSubscriber("@inproc://lifecycle-threads-prices")
		void onPrice(String price) {
		}

	}

	static class BlockingReplier {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@ZmqReplier("tcp://127.0.0.1:*")
		String handle(String request) throws InterruptedException {
			this.entered.countDown();
			this.release.await(30, TimeUnit.SECONDS);
			return "done: " + request;
		}

	}

	static class IdleListeners {

		@ZmqReplier("inproc://lifecycle-idle-a")
		String a(String request) {
			return request;
		}

		@ZmqReplier(value = "tcp://127.0.0.1:*", concurrency = "2")
		String b(String request) {
			return request;
		}

		@ZmqPuller("inproc://lifecycle-idle-c")
		void c(String task) {
		}

		@ZmqSubscriber("@inproc://lifecycle-idle-d")
		void d(String price) {
		}

		@ZmqSubscriber(value = ">tcp://127.0.0.1:1", topics = "x")
		void e(String price) {
		}

	}

}
