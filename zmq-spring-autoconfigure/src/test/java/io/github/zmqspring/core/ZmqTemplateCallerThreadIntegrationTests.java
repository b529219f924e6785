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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zmqspring.ZmqException;
import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The template's callers do their own socket I/O: request sockets are checked out of a
 * bounded per-endpoint pool, a socket left in an unknown state is closed, interrupted
 * callers never enter JeroMQ, many asynchronous requests pipeline from one thread, and
 * the background thread runs only for what no caller waits on.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqTemplateCallerThreadIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void blockingCallersBeyondTheMaximumShareThePoolsSockets() throws Exception {
		try (ZContext server = new ZContext()) {
			ZMQ.Socket router = server.createSocket(SocketType.ROUTER);
			int port = router.bindToRandomPort("tcp://127.0.0.1");
			Set<String> connections = ConcurrentHashMap.newKeySet();
			AtomicInteger inFlight = new AtomicInteger();
			AtomicInteger mostInFlight = new AtomicInteger();
			Thread echo = slowRouterEcho(router, connections, inFlight, mostInFlight);
			ZmqTestSupport.runner().withPropertyValues("zmq.template.max-request-sockets=2").run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				ExecutorService callers = Executors.newFixedThreadPool(6);
				try {
					List<Future<String>> replies = new ArrayList<>();
					for (int i = 0; i < 30; i++) {
						String request = "r" + i;
						replies.add(callers.submit(() -> template.request(">tcp://127.0.0.1:" + port, request,
								String.class, Duration.ofSeconds(20))));
					}
					for (int i = 0; i < 30; i++) {
						assertThat(replies.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("r" + i);
					}
				}
				finally {
					callers.shutdownNow();
				}
			});
			echo.interrupt();
			echo.join(5000);
			// six callers, two sockets: never more than two connections or requests at
			// once
			assertThat(connections).hasSizeBetween(1, 2);
			assertThat(mostInFlight.get()).isBetween(1, 2);
		}
	}

	@Test
	void callerThatFindsNoFreeSocketWithinItsTimeoutIsToldWhatToChange() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.template.max-request-sockets=1")
			.withUserConfiguration(Listeners.class)
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				Listeners listeners = context.getBean(Listeners.class);
				String echo = ZmqTestSupport.connectTo(context, "caller-echo");
				CompletableFuture<String> holder = CompletableFuture
					.supplyAsync(() -> template.request(echo, "hold", String.class, Duration.ofSeconds(10)));
				assertThat(listeners.holding.await(10, TimeUnit.SECONDS)).isTrue();
				assertThatExceptionOfType(ZmqRequestTimeoutException.class)
					.isThrownBy(() -> template.request(echo, "x", String.class, Duration.ofMillis(300)))
					.withMessageContaining("was free within 300 ms")
					.withMessageContaining("zmq.template.max-request-sockets")
					.satisfies((ex) -> assertThat(ex.getAttempts()).isZero());
				listeners.release.countDown();
				assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("hold");
				assertThat(template.request(echo, "after", String.class, TIMEOUT)).isEqualTo("after");
			});
	}

	@Test
	void interruptedCallerGetsAnExceptionKeepsItsFlagAndTheNextCallWorks() {
		ZmqTestSupport.runner().withUserConfiguration(Listeners.class).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String echo = ZmqTestSupport.connectTo(context, "caller-echo");
			String sink = ZmqTestSupport.connectTo(context, "caller-sink");
			assertThat(template.request(echo, "warm", String.class, TIMEOUT)).isEqualTo("warm");
			Thread.currentThread().interrupt();
			try {
				assertThatExceptionOfType(ZmqException.class)
					.isThrownBy(() -> template.request(echo, "x", String.class, TIMEOUT))
					.withMessageContaining("Interrupted");
				assertThat(Thread.currentThread().isInterrupted()).isTrue();
				assertThatExceptionOfType(ZmqSendException.class).isThrownBy(() -> template.push(sink, "x"))
					.withMessageContaining("Interrupted");
				assertThat(Thread.currentThread().isInterrupted()).isTrue();
				assertThatExceptionOfType(ZmqSendException.class)
					.isThrownBy(() -> template.requestAsync(echo, "x", String.class))
					.withMessageContaining("Interrupted");
				assertThat(Thread.currentThread().isInterrupted()).isTrue();
			}
			finally {
				Thread.interrupted();
			}
			assertThat(template.request(echo, "after", String.class, TIMEOUT)).isEqualTo("after");
			template.push(sink, "after");
			assertThat(context.getBean(Listeners.class).pushed.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
		});
	}

	@Test
	void callerInterruptedWhileWaitingForItsReplyStopsWaitingAndItsSocketIsNotReused() throws Exception {
		ZmqTestSupport.runner().withUserConfiguration(Listeners.class).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			Listeners listeners = context.getBean(Listeners.class);
			String echo = ZmqTestSupport.connectTo(context, "caller-echo");
			CompletableFuture<Throwable> failure = new CompletableFuture<>();
			Thread caller = new Thread(() -> {
				try {
					template.request(echo, "hold", String.class, Duration.ofSeconds(30));
					failure.complete(null);
				}
				catch (Throwable ex) {
					failure.complete(ex);
				}
			}, "interrupted-caller");
			caller.start();
			assertThat(listeners.holding.await(10, TimeUnit.SECONDS)).isTrue();
			caller.interrupt();
			assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(ZmqException.class)
				.hasMessageContaining("Interrupted");
			listeners.release.countDown();
			// the late reply to "hold" went to a closed socket: the next call gets its
			// own
			assertThat(template.request(echo, "next", String.class, TIMEOUT)).isEqualTo("next");
		});
	}

	@Test
	void oneThreadPipelinesManyAsynchronousRequestsAndEachGetsItsOwnReply() throws Exception {
		ZmqTestSupport.runner().withUserConfiguration(Listeners.class).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String echo = ZmqTestSupport.connectTo(context, "caller-echo");
			Semaphore window = new Semaphore(16);
			AtomicInteger mismatched = new AtomicInteger();
			AtomicInteger failed = new AtomicInteger();
			int total = 5000;
			CountDownLatch done = new CountDownLatch(total);
			for (int i = 0; i < total; i++) {
				assertThat(window.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
				String request = "a" + i;
				template.requestAsync(echo, request, String.class).whenComplete((reply, ex) -> {
					if (ex != null) {
						failed.incrementAndGet();
					}
					else if (!request.equals(reply)) {
						mismatched.incrementAndGet();
					}
					window.release();
					done.countDown();
				});
			}
			assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(mismatched).hasValue(0);
			assertThat(failed).hasValue(0);
		});
	}

	@Test
	void asyncRepliesCompleteOnTheConfiguredExecutorWhenOneIsSet() {
		ZmqTestSupport.runner().withUserConfiguration(Listeners.class).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String echo = ZmqTestSupport.connectTo(context, "caller-echo");
			ExecutorService executor = Executors.newSingleThreadExecutor((task) -> new Thread(task, "reply-executor"));
			try {
				template.setAsyncExecutor(executor);
				Listeners listeners = context.getBean(Listeners.class);
				// the reply is held until the stage below is registered, so the stage
				// runs
				// where the future completes
				CompletableFuture<String> thread = template.requestAsync(echo, "hold", String.class)
					.thenApply((reply) -> Thread.currentThread().getName());
				assertThat(listeners.holding.await(10, TimeUnit.SECONDS)).isTrue();
				listeners.release.countDown();
				assertThat(thread.get(10, TimeUnit.SECONDS)).isEqualTo("reply-executor");
			}
			finally {
				template.setAsyncExecutor(null);
				executor.shutdownNow();
			}
		});
	}

	@Test
	void pushingAndBlockingRequestsStartNoBackgroundThread() {
		ZmqTestSupport.runner().withUserConfiguration(Listeners.class).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String echo = ZmqTestSupport.connectTo(context, "caller-echo");
			template.push(ZmqTestSupport.connectTo(context, "caller-sink"), "x");
			assertThat(template.request(echo, "x", String.class, TIMEOUT)).isEqualTo("x");
			assertThat(threadNamed("zmq-template-io")).isFalse();
			template.requestAsync(echo, "y", String.class).get(5, TimeUnit.SECONDS);
			assertThat(threadNamed("zmq-template-io")).isTrue();
		});
		await().atMost(TIMEOUT).until(() -> !threadNamed("zmq-template-io"));
	}

	@Test
	void closingTheTemplateLetsARequestInProgressFinishThenRefusesCalls() throws Exception {
		ZmqTestSupport.runner().withUserConfiguration(Listeners.class).run((context) -> {
			Listeners listeners = context.getBean(Listeners.class);
			String echo = ZmqTestSupport.connectTo(context, "caller-echo");
			ZmqTemplate template = new ZmqTemplate(context.getBean(ZmqSocketFactory.class),
					context.getBean(ZmqEndpointResolver.class),
					context.getBean(io.github.zmqspring.convert.ZmqMessageConverter.class));
			CompletableFuture<String> inProgress = CompletableFuture
				.supplyAsync(() -> template.request(echo, "hold", String.class, Duration.ofSeconds(10)));
			assertThat(listeners.holding.await(10, TimeUnit.SECONDS)).isTrue();
			template.destroy();
			listeners.release.countDown();
			assertThat(inProgress.get(10, TimeUnit.SECONDS)).isEqualTo("hold");
			assertThatExceptionOfType(ZmqSendException.class)
				.isThrownBy(() -> template.request(echo, "x", String.class, TIMEOUT))
				.withMessageContaining("closed");
			assertThatExceptionOfType(ZmqSendException.class).isThrownBy(() -> template.push(echo, "x"))
				.withMessageContaining("closed");
		});
	}

	private static boolean threadNamed(String name) {
		return Thread.getAllStackTraces().keySet().stream().anyMatch((thread) -> thread.getName().equals(name));
	}

	/**
	 * A ROUTER server answering each request after 50 ms on a thread of its own, counting
	 * connections and requests in progress.
	 */
	private static Thread slowRouterEcho(ZMQ.Socket router, Set<String> connections, AtomicInteger inFlight,
			AtomicInteger mostInFlight) {
		AtomicBoolean running = new AtomicBoolean(true);
		router.setReceiveTimeOut(100);
		List<byte[][]> held = new ArrayList<>();
		List<Long> due = new ArrayList<>();
		Thread thread = new Thread(() -> {
			while (running.get() && !Thread.currentThread().isInterrupted()) {
				byte[] identity = router.recv(0);
				if (identity != null) {
					List<byte[]> frames = new ArrayList<>(List.of(identity));
					while (router.hasReceiveMore()) {
						frames.add(router.recv(0));
					}
					connections.add(new String(identity, java.nio.charset.StandardCharsets.ISO_8859_1));
					mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
					held.add(frames.toArray(new byte[0][]));
					due.add(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));
				}
				while (!due.isEmpty() && due.get(0) - System.nanoTime() <= 0) {
					byte[][] reply = held.remove(0);
					due.remove(0);
					inFlight.decrementAndGet();
					for (int i = 0; i < reply.length; i++) {
						router.send(reply[i], (i < reply.length - 1) ? ZMQ.SNDMORE : 0);
					}
				}
				if (!due.isEmpty()) {
					router.setReceiveTimeOut(
							(int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(due.get(0) - System.nanoTime())));
				}
				else {
					router.setReceiveTimeOut(100);
				}
			}
		}, "slow-router-echo");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	static class Listeners {

		final CountDownLatch holding = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final Semaphore pushed = new Semaphore(0);

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "caller-echo", concurrency = "4")
		String echo(String request) throws InterruptedException {
			if ("hold".equals(request)) {
				this.holding.countDown();
				this.release.await(20, TimeUnit.SECONDS);
			}
			return request;
		}

		@ZmqPuller(value = "@tcp://127.0.0.1:*", id = "caller-sink")
		void sink(String message) {
			this.pushed.release();
		}

	}

}
