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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.core.ZmqHeaders;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each messaging pattern end to end, with the listener binding over {@code tcp} and over
 * {@code inproc} and {@link ZmqTemplate} connecting to what it bound.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqListenerPatternsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@ParameterizedTest
	@ValueSource(strings = { "tcp", "inproc" })
	void replierAnswersTemplateRequests(String transport) {
		ZmqTestSupport.runner()
			.withPropertyValues("test.address=" + ZmqTestSupport.bindAddress(transport))
			.withUserConfiguration(Replier.class)
			.run((context) -> {
				String target = ZmqTestSupport.connectTo(context, "echo");
				assertThat(target).startsWith(">" + transport + "://");
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				for (int i = 0; i < 10; i++) {
					assertThat(template.request(target, "hello " + i, String.class, TIMEOUT))
						.isEqualTo("hello " + i + "!");
				}
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "tcp", "inproc" })
	void subscriberFiltersByPrefixAndReadsTopicOfOneAndTwoFrameMessages(String transport) {
		ZmqTestSupport.runner()
			.withPropertyValues("test.address=" + ZmqTestSupport.bindAddress(transport))
			.withUserConfiguration(Subscriber.class)
			.run((context) -> {
				String target = ZmqTestSupport.connectTo(context, "sub");
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				BlockingQueue<String> received = context.getBean(Subscriber.class).received;
				// slow joiner: publish until the subscription has reached the publisher
				await().atMost(TIMEOUT).untilAsserted(() -> {
					template.publish(target, "client1", "warmup");
					assertThat(received.poll(50, TimeUnit.MILLISECONDS)).isNotNull();
				});
				template.publish(target, "other", "ignored: no matching prefix");
				template.publish(target, "client1x", "two frames, prefix match");
				template.publish(target, "news-flash");
				template.publish(target, "newsletter", "two frames, second topic");
				template.publish(target, "client1", "end");
				List<String> messages = new ArrayList<>();
				await().atMost(TIMEOUT).until(() -> {
					String next = received.poll(100, TimeUnit.MILLISECONDS);
					if (next != null && !next.endsWith("|warmup|2")) {
						messages.add(next);
					}
					return next != null && next.endsWith("|end|2");
				});
				assertThat(messages).containsExactly("client1x|two frames, prefix match|2", "news|news-flash|1",
						"newsletter|two frames, second topic|2", "client1|end|2");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "tcp", "inproc" })
	void pullerReceivesEveryPushedMessage(String transport) {
		ZmqTestSupport.runner()
			.withPropertyValues("test.address=" + ZmqTestSupport.bindAddress(transport))
			.withUserConfiguration(Puller.class)
			.run((context) -> {
				String target = ZmqTestSupport.connectTo(context, "pull");
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				List<String> expected = new ArrayList<>();
				for (int i = 0; i < 50; i++) {
					template.push(target, "task " + i);
					expected.add("task " + i);
				}
				BlockingQueue<String> received = context.getBean(Puller.class).received;
				List<String> messages = new ArrayList<>();
				await().atMost(TIMEOUT).until(() -> {
					received.drainTo(messages);
					return messages.size() >= expected.size();
				});
				assertThat(messages).containsExactlyElementsOf(expected);
			});
	}

	static class Replier {

		@ZmqReplier(value = "${test.address}", id = "echo")
		String echo(String request) {
			return request + "!";
		}

	}

	static class Subscriber {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		@ZmqSubscriber(value = "${test.address}", id = "sub", topics = { "client1", "news" })
		void onMessage(@Payload String payload, @Header(ZmqHeaders.TOPIC) String topic,
				@Header(ZmqHeaders.FRAME_COUNT) int frames) {
			this.received.add(topic + "|" + payload + "|" + frames);
		}

	}

	static class Puller {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		@ZmqPuller(value = "${test.address}", id = "pull")
		void onTask(String task) {
			this.received.add(task);
		}

	}

}
