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

import org.zeromq.ZContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import io.github.zmqspring.autoconfigure.ZmqAutoConfiguration;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqThreadFailures;
import io.github.zmqspring.guard.ZmqReceiveGuard;
import io.github.zmqspring.security.ZmqAuthenticator;
import io.github.zmqspring.health.ZmqHealthIndicator;
import io.github.zmqspring.proxy.ZmqProxyRegistry;

/**
 * Auto-configuration of the {@link ZmqHealthIndicator} (contributor {@code zmq}) when
 * Spring Boot's health support is on the classpath; turn it off with
 * {@code management.health.zmq.enabled=false}.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = ZmqAutoConfiguration.class)
@ConditionalOnClass({ ZContext.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(ZContext.class)
public final class ZmqHealthContributorAutoConfiguration {

	// the health condition sits on the method, so that the class is skipped on its
	// @ConditionalOnClass before the condition's own class is needed
	@Bean
	@ConditionalOnEnabledHealthIndicator("zmq")
	@ConditionalOnMissingBean(name = { "zmqHealthIndicator", "zmqHealthContributor" })
	ZmqHealthIndicator zmqHealthIndicator(ZContext zmqContext,
			ObjectProvider<ZmqListenerEndpointRegistry> listenerRegistry,
			ObjectProvider<ZmqProxyRegistry> proxyRegistry, ObjectProvider<ZmqThreadFailures> threadFailures,
			ObjectProvider<ZmqReceiveGuard> receiveGuard, ObjectProvider<ZmqAuthenticator> authenticator) {
		ZmqHealthIndicator indicator = new ZmqHealthIndicator(zmqContext, listenerRegistry.getIfUnique(),
				proxyRegistry.getIfUnique(), threadFailures.getIfUnique());
		indicator.setReceiveGuard(receiveGuard.getIfUnique());
		indicator.setAuthenticator(authenticator.getIfUnique());
		return indicator;
	}

}
