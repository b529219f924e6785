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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.autoconfigure.ZmqAutoConfiguration;
import io.github.zmqspring.core.ZmqTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscriber that connects to an {@code inproc://} address before the publisher binds
 * it (the usual order: listeners start with the context, the template binds on first
 * publish) still receives.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqSubscriberContainerInprocIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void subscriberConnectedBeforeThePublisherBindsReceives() {
		this.contextRunner.withPropertyValues("zmq.endpoints.news.addresses=inproc://subscriber-before-bind")
			.withBean("news", NewsListener.class)
			.run((context) -> {
				NewsListener listener = context.getBean(NewsListener.class);
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
					template.publish("news", "news.tech", "hello");
					assertThat(listener.received.await(10, TimeUnit.MILLISECONDS)).isTrue();
				});
			});
	}

	static class NewsListener {

		final CountDownLatch received = new CountDownLatch(1);

		@ZmqSubscriber(value = "news", topics = "news.")
		void onNews(String news) {
			this.received.countDown();
		}

	}

}
