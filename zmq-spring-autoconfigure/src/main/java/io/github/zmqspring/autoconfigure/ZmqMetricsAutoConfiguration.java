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

package io.github.zmqspring.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import org.zeromq.ZContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextRefreshedEvent;

import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.metrics.ZmqMeterBinder;
import io.github.zmqspring.metrics.ZmqSocketMetrics;
import io.github.zmqspring.proxy.ZmqProxyRegistry;

/**
 * Micrometer meters for ZeroMQ, when micrometer-core is on the classpath and the
 * application has a {@link MeterRegistry}: the counters of every listener, template
 * endpoint and proxy ({@link ZmqMeterBinder}), bound once the context has refreshed (so
 * every annotated listener is registered), and socket event counters
 * ({@link ZmqSocketMetrics}).
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = ZmqAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, ZContext.class })
@ConditionalOnBean({ MeterRegistry.class, ZmqTemplate.class })
public final class ZmqMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZmqSocketMetrics zmqSocketMetrics(MeterRegistry meterRegistry) {
		return new ZmqSocketMetrics(meterRegistry);
	}

	// the binder itself is no bean: Boot's metrics auto-configuration binds every
	// MeterBinder bean to the registry on its own, which bound these meters twice (a
	// warning for each at every start); the registration below binds it once, after
	// the listeners exist. An application's own ZmqMeterBinder bean replaces it.
	@Bean
	@ConditionalOnMissingBean(ZmqMeterBinder.class)
	static ZmqMeterBinderRegistration zmqMeterBinderRegistration(ObjectProvider<ZmqListenerEndpointRegistry> listeners,
			ObjectProvider<ZmqTemplate> template, ObjectProvider<ZmqProxyRegistry> proxies,
			ObjectProvider<MeterRegistry> meterRegistry) {
		return new ZmqMeterBinderRegistration(listeners, template, proxies, meterRegistry);
	}

	/**
	 * Binds the meters once the context has refreshed: the listener containers of
	 * annotated methods are registered after every singleton was created, so a
	 * {@code MeterBinder} bean bound by Boot could miss them. The counters are
	 * cumulative, so binding late loses nothing.
	 */
	static final class ZmqMeterBinderRegistration implements ApplicationListener<ContextRefreshedEvent> {

		private final ObjectProvider<ZmqListenerEndpointRegistry> listeners;

		private final ObjectProvider<ZmqTemplate> template;

		private final ObjectProvider<ZmqProxyRegistry> proxies;

		private final ObjectProvider<MeterRegistry> meterRegistry;

		private final AtomicBoolean bound = new AtomicBoolean();

		ZmqMeterBinderRegistration(ObjectProvider<ZmqListenerEndpointRegistry> listeners,
				ObjectProvider<ZmqTemplate> template, ObjectProvider<ZmqProxyRegistry> proxies,
				ObjectProvider<MeterRegistry> meterRegistry) {
			this.listeners = listeners;
			this.template = template;
			this.proxies = proxies;
			this.meterRegistry = meterRegistry;
		}

		@Override
		public void onApplicationEvent(ContextRefreshedEvent event) {
			MeterRegistry registry = this.meterRegistry.getIfUnique();
			if (registry != null && this.bound.compareAndSet(false, true)) {
				new ZmqMeterBinder(this.listeners.getIfUnique(), this.template.getIfUnique(),
						this.proxies.getIfUnique())
					.bindTo(registry);
			}
		}

	}

}
