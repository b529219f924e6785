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

package io.github.zmqspring.autoconfigure.health;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.health.ZmqHealthIndicator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZmqHealthContributorAutoConfiguration}.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = ZmqTestSupport.runner()
		.withConfiguration(AutoConfigurations.of(ZmqHealthContributorAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class));

	@Test
	void indicatorIsRegisteredAsZmq() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ZmqHealthIndicator.class);
			HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
			assertThat(registry.getContributor("zmq")).isSameAs(context.getBean(ZmqHealthIndicator.class));
			assertThat(((HealthIndicator) registry.getContributor("zmq")).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void indicatorCanBeDisabled() {
		this.contextRunner.withPropertyValues("management.health.zmq.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZmqHealthIndicator.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		this.contextRunner.withBean("zmqHealthIndicator", HealthIndicator.class, () -> () -> null)
			.run((context) -> assertThat(context).doesNotHaveBean(ZmqHealthIndicator.class));
	}

	@Test
	void contextStartsWithoutSpringBootHealth() {
		// Boot's own health auto-configurations are filtered too: only ours is listed
		ZmqTestSupport.runner()
			.withConfiguration(AutoConfigurations.of(ZmqHealthContributorAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(ZmqTemplate.class);
				assertThat(context).doesNotHaveBean("zmqHealthIndicator");
			});
	}

}
