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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A puller takes only a few messages ahead of its handler, and stopping it handles every
 * message it had already taken before the sockets close.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqPullerShutdownIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void stoppingHandlesTheBacklogAlreadyReceived(int concurrency) {
		ZmqTestSupport.runner()
			.withPropertyValues("test.address=@" + ZmqTestSupport.inproc("backlog"), "test.concurrency=" + concurrency,
					"zmq.listener.prefetch=50")
			.withUserConfiguration(SlowPuller.class)
			.run((context) -> {
				SlowPuller puller = context.getBean(SlowPuller.class);
				ZmqListenerContainer container = context.getBean(ZmqListenerEndpointRegistry.class)
					.getListenerContainer("slow");
				List<String> sent = new ArrayList<>();
				// inproc, same context: a successful send is in the puller's queue
				try (ZMQ.Socket push = context.getBean(ZContext.class).createSocket(SocketType.PUSH)) {
					push.setLinger(1000);
					// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
					push.setHandshakeIvl(500);
					push.setSendTimeOut(1000);
					push.connect(ZmqTestSupport.boundAddress(context, "slow"));
					for (int i = 0; i < 30; i++) {
						assertThat(push.send("task " + i)).as("task " + i + " queued").isTrue();
						sent.add("task " + i);
					}
					assertThat(puller.entered.tryAcquire(concurrency, 5, TimeUnit.SECONDS))
						.as("every worker inside the handler")
						.isTrue();
					container.requestStop();
					puller.gate.countDown();
					assertThat(container.awaitStop(TIMEOUT)).as("stopped in time").isTrue();
				}
				assertThat(puller.handled).containsExactlyInAnyOrderElementsOf(sent);
				ZmqListenerCounters counters = container.getCounters();
				assertThat(counters.received()).isEqualTo(30);
				assertThat(counters.handled()).isEqualTo(30);
			});
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void overTcpStoppingHandlesEverythingReceivedAndNothingMore(int concurrency) {
		ZmqTestSupport.runner()
			.withPropertyValues("test.address=@tcp://127.0.0.1:*", "test.concurrency=" + concurrency)
			.withUserConfiguration(SlowPuller.class)
			.run((context) -> {
				SlowPuller puller = context.getBean(SlowPuller.class);
				ZmqListenerContainer container = context.getBean(ZmqListenerEndpointRegistry.class)
					.getListenerContainer("slow");
				try (ZContext clients = new ZContext(); ZMQ.Socket push = clients.createSocket(SocketType.PUSH)) {
					push.setLinger(0);
					// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
					push.setHandshakeIvl(500);
					push.setSendTimeOut(1000);
					push.connect(ZmqTestSupport.boundAddress(context, "slow"));
					for (int i = 0; i < 200; i++) {
						assertThat(push.send("task " + i)).isTrue();
					}
					assertThat(puller.entered.tryAcquire(concurrency, 5, TimeUnit.SECONDS)).isTrue();
					container.requestStop();
					puller.gate.countDown();
					assertThat(container.awaitStop(TIMEOUT)).isTrue();
				}
				ZmqListenerCounters counters = container.getCounters();
				assertThat(counters.handled()).isEqualTo(counters.received()).isEqualTo(puller.handled.size());
				assertThat(puller.handled).doesNotHaveDuplicates();
			});
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 20 })
	void prefetchBoundsWhatIsQueuedAheadOfABlockedHandler(int prefetch) {
		ZmqTestSupport.runner()
			.withPropertyValues("test.address=@" + ZmqTestSupport.inproc("prefetch"), "test.concurrency=1",
					"zmq.listener.prefetch=" + prefetch)
			.withUserConfiguration(SlowPuller.class)
			.run((context) -> {
				SlowPuller puller = context.getBean(SlowPuller.class);
				try (ZMQ.Socket push = context.getBean(ZContext.class).createSocket(SocketType.PUSH)) {
					push.setLinger(0);
					// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
					push.setHandshakeIvl(500);
					push.setSndHWM(1);
					push.connect(ZmqTestSupport.boundAddress(context, "slow"));
					assertThat(push.send("first")).isTrue();
					assertThat(puller.entered.tryAcquire(1, 5, TimeUnit.SECONDS)).isTrue();
					int queued = 0;
					while (queued < 1000 && push.send("more", ZMQ.DONTWAIT)) {
						queued++;
					}
					// inproc: the pipe holds the pusher's send HWM plus the puller's
					// receive HWM
					assertThat(queued).isBetween(prefetch, prefetch + 2);
				}
				finally {
					puller.gate.countDown();
				}
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "zmq.listener.prefetch=0", "zmq.listener.handler-timeout=-1s" })
	void invalidListenerSettingFailsStartupNamingTheProperty(String setting) {
		ZmqTestSupport.runner()
			.withPropertyValues(setting, "test.address=@" + ZmqTestSupport.inproc("invalid"), "test.concurrency=1")
			.withUserConfiguration(SlowPuller.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(setting.substring(0, setting.indexOf('='))));
	}

	static class SlowPuller {

		final Semaphore entered = new Semaphore(0);

		final CountDownLatch gate = new CountDownLatch(1);

		final List<String> handled = new CopyOnWriteArrayList<>();

		@ZmqPuller(value = "${test.address}", id = "slow", concurrency = "${test.concurrency}")
		void handle(String task) throws InterruptedException {
			this.entered.release();
			this.gate.await(10, TimeUnit.SECONDS);
			this.handled.add(task);
		}

	}

}
