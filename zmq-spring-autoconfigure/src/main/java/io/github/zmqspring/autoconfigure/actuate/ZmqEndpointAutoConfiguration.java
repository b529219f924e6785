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

package io.github.zmqspring.autoconfigure.actuate;

import java.util.Locale;

import org.zeromq.ZContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.zmqspring.actuate.ZmqActuatorEndpoint;
import io.github.zmqspring.autoconfigure.ZmqAutoConfiguration;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.core.ZmqThreadFailures;
import io.github.zmqspring.proxy.ZmqProxyRegistry;

/**
 * Auto-configuration of the read-only {@code zmq} actuator endpoint
 * ({@link ZmqActuatorEndpoint}) when Spring Boot Actuator is on the classpath and the
 * endpoint is available (enabled and exposed, for example with
 * {@code management.endpoints.web.exposure.include=zmq}).
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = ZmqAutoConfiguration.class)
@ConditionalOnClass({ ZContext.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(ZContext.class)
public final class ZmqEndpointAutoConfiguration {

	// the endpoint condition sits on the method, so that the class is skipped on its
	// @ConditionalOnClass before the condition's own class is needed
	@Bean
	@ConditionalOnAvailableEndpoint
	@ConditionalOnMissingBean
	ZmqActuatorEndpoint zmqActuatorEndpoint(ZContext zmqContext,
			ObjectProvider<ZmqListenerEndpointRegistry> listenerRegistry,
			ObjectProvider<ZmqProxyRegistry> proxyRegistry, ObjectProvider<ZmqTemplate> template,
			ObjectProvider<ZmqThreadFailures> threadFailures) {
		return new ZmqActuatorEndpoint(zmqContext, listenerRegistry.getIfUnique(), proxyRegistry.getIfUnique(),
				template.getIfUnique(), threadFailures.getIfUnique());
	}

	/**
	 * Mask the secret keys and passwords of {@code zmq.endpoints.*.security} in the
	 * {@code configprops} and {@code env} endpoints also when they are set to show
	 * values.
	 * @return the sanitizing function
	 */
	@Bean
	@ConditionalOnMissingBean(name = "zmqSecuritySanitizingFunction")
	static SanitizingFunction zmqSecuritySanitizingFunction() {
		return SanitizingFunction.sanitizeValue().ifKeyMatches(ZmqEndpointAutoConfiguration::isSecret);
	}

	/**
	 * Whether a key names a secret of a security setting, in any of its relaxed forms
	 * ({@code secret-key}, {@code secretKey}, {@code ZMQ_..._SECRETKEY}).
	 */
	private static boolean isSecret(String key) {
		String name = key.toLowerCase(Locale.ROOT).replaceAll("[-_.\\[\\]]", "");
		return name.startsWith("zmqendpoints") && (name.endsWith("securitycurvesecretkey")
				|| name.endsWith("securityplainpassword") || name.contains("securityplainusers"));
	}

}
