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

package io.github.zmqspring.observation;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.autoconfigure.ZmqMetricsAutoConfiguration;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.metrics.ZmqMeterBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code zmq.listener} and {@code zmq.template} observations with the application's
 * {@code ObservationRegistry}, and a context without Micrometer on the classpath.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqObservationIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void requestAndHandlerInvocationEachMakeOneObservation() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.greeter.addresses=" + ZmqTestSupport.inproc("greeter"))
			.withBean(TestObservationRegistry.class, () -> observations)
			.withBean(Greeter.class)
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.request("greeter", "Ada", String.class)).isEqualTo("Hello Ada");
				// the listener's observation stops on its thread after the reply went out
				await().atMost(TIMEOUT)
					.untilAsserted(() -> TestObservationRegistryAssert.assertThat(observations)
						.hasNumberOfObservationsWithNameEqualTo("zmq.listener", 1));
				TestObservationRegistryAssert.assertThat(observations)
					.hasNumberOfObservationsWithNameEqualTo("zmq.template", 1)
					.hasObservationWithNameEqualTo("zmq.listener")
					.that()
					.hasBeenStarted()
					.hasBeenStopped()
					.hasLowCardinalityKeyValue("listener.id", "greeter")
					.hasLowCardinalityKeyValue("listener.type", "replier")
					.hasLowCardinalityKeyValue("endpoint", "greeter")
					.hasLowCardinalityKeyValue("outcome", "success")
					.hasContextualNameEqualTo("greeter process");
				TestObservationRegistryAssert.assertThat(observations)
					.hasObservationWithNameEqualTo("zmq.template")
					.that()
					.hasBeenStopped()
					.hasLowCardinalityKeyValue("endpoint", "greeter")
					.hasLowCardinalityKeyValue("operation", "request")
					.hasLowCardinalityKeyValue("outcome", "success")
					.hasContextualNameEqualTo("greeter request");
			});
	}

	@Test
	void asyncRequestObservationStopsWhenTheReplyArrives() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.greeter.addresses=" + ZmqTestSupport.inproc("greeter"))
			.withBean(TestObservationRegistry.class, () -> observations)
			.withBean(Greeter.class)
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.requestAsync("greeter", "Bob", String.class).get(10, TimeUnit.SECONDS))
					.isEqualTo("Hello Bob");
				await().atMost(TIMEOUT)
					.untilAsserted(() -> TestObservationRegistryAssert.assertThat(observations)
						.hasObservationWithNameEqualTo("zmq.template")
						.that()
						.hasBeenStopped()
						.hasLowCardinalityKeyValue("outcome", "success"));
			});
	}

	@Test
	void contextStartsAndTemplateWorksWithoutMicrometerCore() {
		ZmqTestSupport.runner()
			.withConfiguration(AutoConfigurations.of(ZmqMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withPropertyValues("zmq.endpoints.greeter.addresses=" + ZmqTestSupport.inproc("greeter"))
			.withBean(Greeter.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ZmqMeterBinder.class);
				assertThat(context.getBean(ZmqTemplate.class).request("greeter", "Cy", String.class))
					.isEqualTo("Hello Cy");
			});
	}

	static class Greeter {

		@ZmqReplier(value = "greeter", id = "greeter")
		String greet(String name) {
			return "Hello " + name;
		}

	}

}
