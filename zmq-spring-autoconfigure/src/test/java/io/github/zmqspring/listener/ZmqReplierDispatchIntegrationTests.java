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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.core.ZmqRemoteException;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A replier with several threads hands a request only to an idle worker, and a handler
 * timeout answers a hung request with {@code 504 Gateway Timeout}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqReplierDispatchIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void otherWorkersServeEveryRequestWhileOneHandlerIsBlocked() {
		ZmqTestSupport.runner().withUserConfiguration(Blocking.class).run((context) -> {
			Blocking replier = context.getBean(Blocking.class);
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String target = ZmqTestSupport.connectTo(context, "blocking");
			CompletableFuture<String> blocked = template.requestAsync(target, "block", String.class,
					Duration.ofSeconds(15));
			assertThat(replier.entered.await(5, TimeUnit.SECONDS)).as("handler entered").isTrue();
			try {
				// round-robin dispatch would queue every fourth request behind the
				// blocked
				// worker, and those would time out
				for (int i = 0; i < 100; i++) {
					assertThat(template.request(target, "r" + i, String.class, Duration.ofSeconds(2)))
						.isEqualTo("r" + i);
				}
			}
			finally {
				replier.release.countDown();
			}
			assertThat(blocked.get(5, TimeUnit.SECONDS)).isEqualTo("unblocked");
			ZmqListenerCounters counters = ZmqListenerRejectedInputIntegrationTests.counters(context, "blocking");
			assertThat(counters.received()).isEqualTo(101);
			assertThat(counters.handled()).isEqualTo(101);
		});
	}

	@Test
	void hungHandlerIsAnsweredWithGatewayTimeoutInterruptedAndItsLateReplyDiscarded() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.listener.handler-timeout=300ms")
			.withUserConfiguration(Hanging.class)
			.run((context) -> {
				Hanging replier = context.getBean(Hanging.class);
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				String target = ZmqTestSupport.connectTo(context, "hanging");
				assertThatExceptionOfType(ZmqRemoteException.class)
					.isThrownBy(() -> template.request(target, "hang", String.class, TIMEOUT))
					.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(504));
				assertThat(replier.interrupted.await(5, TimeUnit.SECONDS)).as("handler interrupted").isTrue();
				// the same (only) worker serves again; the late reply of "hang" went
				// nowhere
				for (int i = 0; i < 20; i++) {
					assertThat(template.request(target, "r" + i, String.class, TIMEOUT)).isEqualTo("r" + i);
				}
				assertThat(ZmqTestSupport.rawRequestText(ZmqTestSupport.boundAddress(context, "hanging"),
						ZmqTestSupport.utf8("hang")))
					.isEqualTo("ZMQ-SPRING-ERROR 504 Gateway Timeout");
				ZmqListenerCounters counters = ZmqListenerRejectedInputIntegrationTests.counters(context, "hanging");
				assertThat(counters.timedOut()).isEqualTo(2);
				// a timed-out handler that returns is counted as handled too
				await().atMost(TIMEOUT).until(() -> counters.handled() == 22);
				assertThat(counters.received()).isEqualTo(22);
			});
	}

	@Test
	void handlerIgnoringTheInterruptKeepsOneWorkerWhileTheOthersServe() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.listener.handler-timeout=200ms")
			.withUserConfiguration(Stubborn.class)
			.run((context) -> {
				Stubborn replier = context.getBean(Stubborn.class);
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				String target = ZmqTestSupport.connectTo(context, "stubborn");
				try {
					assertThatExceptionOfType(ZmqRemoteException.class)
						.isThrownBy(() -> template.request(target, "hang", String.class, TIMEOUT))
						.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(504));
					for (int i = 0; i < 50; i++) {
						assertThat(template.request(target, "r" + i, String.class, TIMEOUT)).isEqualTo("r" + i);
					}
					assertThat(replier.interrupts.get()).isEqualTo(1);
				}
				finally {
					replier.release.countDown();
				}
			});
	}

	static class Blocking {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "blocking", concurrency = "4")
		String handle(String request) throws InterruptedException {
			if (request.equals("block")) {
				this.entered.countDown();
				this.release.await(15, TimeUnit.SECONDS);
				return "unblocked";
			}
			return request;
		}

	}

	static class Hanging {

		final CountDownLatch interrupted = new CountDownLatch(1);

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "hanging")
		String handle(String request) {
			if (request.equals("hang")) {
				try {
					new CountDownLatch(1).await(10, TimeUnit.SECONDS);
					return "late";
				}
				catch (InterruptedException ex) {
					this.interrupted.countDown();
					return "late after interrupt";
				}
			}
			return request;
		}

	}

	static class Stubborn {

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger interrupts = new AtomicInteger();

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "stubborn", concurrency = "2")
		String handle(String request) {
			if (request.equals("hang")) {
				while (true) {
					try {
						if (this.release.await(10, TimeUnit.SECONDS)) {
							return "late";
						}
					}
					catch (InterruptedException ex) {
						this.interrupts.incrementAndGet();
					}
				}
			}
			return request;
		}

	}

}
