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

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One application with 100 listeners (50 repliers on tcp, 25 pullers and 25 subscribers
 * on inproc): all start, every one serves, one thread each, and none is left after the
 * context closes.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HundredListenersTests {

	private static final int REPLIERS = 50;

	private static final int PULLERS = 25;

	private static final int SUBSCRIBERS = 25;

	private static final Set<String> handled = ConcurrentHashMap.newKeySet();

	@Test
	void hundredListenersStartServeAndStopWithOneThreadEach() {
		String tasks = ZmqTestSupport.inproc("hundred-tasks");
		String prices = ZmqTestSupport.inproc("hundred-prices");
		ApplicationContextRunner runner = ZmqTestSupport.runner()
			.withPropertyValues("test.tasks=" + tasks, "test.prices=" + prices);
		for (int i = 0; i < REPLIERS; i++) {
			runner = runner.withBean("replier" + i, Replier.class);
		}
		for (int i = 0; i < PULLERS; i++) {
			runner = runner.withBean("puller" + i, Puller.class);
		}
		for (int i = 0; i < SUBSCRIBERS; i++) {
			runner = runner.withBean("subscriber" + i, Subscriber.class);
		}
		int threadsBefore = Thread.activeCount();
		long start = System.nanoTime();
		runner.run((context) -> {
			long startMillis = (System.nanoTime() - start) / 1_000_000;
			ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
			assertThat(registry.getListenerContainerIds()).hasSize(REPLIERS + PULLERS + SUBSCRIBERS);
			assertThat(listenerThreads()).as("one thread per listener").hasSize(REPLIERS + PULLERS + SUBSCRIBERS);
			assertThat(Thread.activeCount() - threadsBefore).as("threads added by the application")
				.isLessThanOrEqualTo(REPLIERS + PULLERS + SUBSCRIBERS + 10);

			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			for (int i = 0; i < REPLIERS; i++) {
				String id = "replier" + i + ".handle";
				assertThat(template.request(ZmqTestSupport.connectTo(context, id), "ping", String.class,
						Duration.ofSeconds(5)))
					.isEqualTo("pong from replier" + i);
			}
			for (int i = 0; i < PULLERS * 4; i++) {
				template.push("@" + tasks, "task " + i);
			}
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				template.publish("@" + prices, "price", "tick");
				assertThat(handled).as("every puller and subscriber handled a message")
					.containsAll(names("puller", PULLERS))
					.containsAll(names("subscriber", SUBSCRIBERS));
			});
			System.out.printf("100 listeners: context started in %d ms, %d threads added%n", startMillis,
					Thread.activeCount() - threadsBefore);
		});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(listenerThreads()).as("listener threads after close").isEmpty());
	}

	private static List<String> names(String prefix, int count) {
		return IntStream.range(0, count).mapToObj((i) -> prefix + i).toList();
	}

	private static Set<String> listenerThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.matches("zmq-(replier|puller|subscriber)\\d+\\..*"))
			.collect(Collectors.toSet());
	}

	abstract static class Named implements BeanNameAware {

		String name;

		@Override
		public void setBeanName(String name) {
			this.name = name;
		}

	}

	static class Replier extends Named {

		@ZmqReplier("@tcp://127.0.0.1:*")
		String handle(String request) {
			return "pong from " + this.name;
		}

	}

	static class Puller extends Named {

		@ZmqPuller(">${test.tasks}")
		void handle(String task) {
			handled.add(this.name);
		}

	}

	static class Subscriber extends Named {

		@ZmqSubscriber(value = ">${test.prices}", topics = "price")
		void handle(String tick) {
			handled.add(this.name);
		}

	}

}
