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

package io.github.zmqspring.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.autoconfigure.ZmqMetricsAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's metrics auto-configuration binds every {@link MeterBinder} bean to the
 * registry itself. The starter therefore exposes no binder bean and binds its meters
 * once, after the listeners exist: each start used to log "This FunctionCounter has been
 * already registered" for every listener meter.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class ZmqMeterBindingOnceTests {

	@Test
	void metersAreBoundOnceWhenBootBindsEveryMeterBinderBean(CapturedOutput output) {
		ZmqTestSupport.runner()
			.withConfiguration(AutoConfigurations.of(ZmqMetricsAutoConfiguration.class))
			.withUserConfiguration(BootLikeBinding.class)
			.withPropertyValues("zmq.endpoints.work.addresses=" + ZmqTestSupport.inproc("bind-once"))
			.withBean(Worker.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanProvider(MeterBinder.class).stream())
					.noneMatch(ZmqMeterBinder.class::isInstance);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("zmq.listener.messages.received").tag("listener.id", "bind-once").meters())
					.hasSize(1);
			});
		assertThat(output.getAll()).doesNotContain("already registered");
	}

	/**
	 * What Boot's MeterRegistryPostProcessor does: bind every MeterBinder bean once the
	 * singletons exist.
	 */
	@Configuration(proxyBeanMethods = false)
	static class BootLikeBinding {

		@Bean
		SimpleMeterRegistry simpleMeterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		static SmartInitializingSingleton bindEveryMeterBinder(ObjectProvider<MeterBinder> binders,
				ObjectProvider<MeterRegistry> registry) {
			return () -> binders.orderedStream().forEach((binder) -> binder.bindTo(registry.getObject()));
		}

	}

	static class Worker {

		@ZmqPuller(value = "work", id = "bind-once")
		void work(String task) {
		}

	}

}
