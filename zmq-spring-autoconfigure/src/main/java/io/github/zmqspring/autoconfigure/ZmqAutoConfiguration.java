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

import io.micrometer.observation.ObservationRegistry;
import org.zeromq.ZContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.github.zmqspring.convert.DefaultZmqMessageConverter;
import io.github.zmqspring.convert.ZmqMessageConverter;
import io.github.zmqspring.core.ZmqEndpointResolver;
import io.github.zmqspring.core.ZmqSocketFactory;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.core.ZmqThreadFailures;
import io.github.zmqspring.guard.ZmqReceiveGuard;
import io.github.zmqspring.event.ZmqPortInfoApplicationListener;
import io.github.zmqspring.event.ZmqSocketEventListener;
import io.github.zmqspring.observation.ZmqTemplateObservationConvention;
import io.github.zmqspring.event.ZmqSocketEventPublisher;
import io.github.zmqspring.proxy.ZmqProxyDefinition;
import io.github.zmqspring.proxy.ZmqProxyRegistry;
import io.github.zmqspring.core.ZmqContextLifecycle;
import io.github.zmqspring.security.ZmqAuthenticator;

/**
 * Auto-configuration for ZeroMQ: one shared {@link ZContext} (closed last, after every
 * listener and the template, within {@code zmq.context.close-timeout}, with the failures
 * of JeroMQ's own threads recorded in {@link ZmqThreadFailures}), endpoint resolution
 * from {@code zmq.endpoints} (with their security, checked by the
 * {@link ZmqAuthenticator}'s ZAP handler), payload conversion through the application's
 * Jackson {@link JsonMapper}, the {@link ZmqTemplate}, the proxies of
 * {@code zmq.proxies}, annotation-driven listeners, socket events republished as
 * application events ({@link ZmqSocketEventPublisher}) and the {@code local.zmq.*}
 * properties of bound ports ({@link ZmqPortInfoApplicationListener}). Every bean backs
 * off when the application defines its own. The listeners and the template report
 * {@code zmq.listener} and {@code zmq.template} observations to the application's
 * {@code ObservationRegistry} when it has one.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({ ZContext.class, JsonMapper.class })
@EnableConfigurationProperties(ZmqProperties.class)
@Import(ZmqAnnotationDrivenConfiguration.class)
public final class ZmqAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZmqThreadFailures zmqThreadFailures() {
		return new ZmqThreadFailures();
	}

	@Bean
	@ConditionalOnMissingBean(ZContext.class)
	ZmqContextLifecycle zmqContextLifecycle(ZmqProperties properties, ZmqThreadFailures zmqThreadFailures) {
		ZmqProperties.Context settings = properties.getContext();
		return new ZmqContextLifecycle(settings.getIoThreads(), settings.getCloseTimeout(), zmqThreadFailures);
	}

	// the lifecycle closes the context (bounded): as this bean depends on it, it is
	// destroyed after every bean that uses the context
	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	ZContext zmqContext(ZmqContextLifecycle zmqContextLifecycle) {
		return zmqContextLifecycle.getContext();
	}

	@Bean
	@ConditionalOnMissingBean
	ZmqSocketEventPublisher zmqSocketEventPublisher() {
		return new ZmqSocketEventPublisher();
	}

	@Bean
	@ConditionalOnMissingBean
	ZmqPortInfoApplicationListener zmqPortInfoApplicationListener() {
		return new ZmqPortInfoApplicationListener();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ZmqReceiveGuard zmqReceiveGuard(ZmqProperties properties) {
		return new ZmqReceiveGuard(properties.getContext().toReceiveLimits());
	}

	// started by the first secured socket only; closed before the context
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ZmqAuthenticator zmqAuthenticator(ZContext zmqContext) {
		return new ZmqAuthenticator(zmqContext);
	}

	@Bean
	@ConditionalOnMissingBean
	ZmqSocketFactory zmqSocketFactory(ZContext zmqContext, ZmqReceiveGuard zmqReceiveGuard,
			ZmqAuthenticator zmqAuthenticator, ObjectProvider<ZmqSocketEventListener> socketEventListeners) {
		return new ZmqSocketFactory(zmqContext, socketEventListeners.orderedStream().toList(), zmqReceiveGuard,
				zmqAuthenticator);
	}

	@Bean
	@ConditionalOnMissingBean
	ZmqEndpointResolver zmqEndpointResolver(ZmqProperties properties) {
		return new ZmqEndpointResolver(properties.toEndpointDefinitions());
	}

	@Bean
	@ConditionalOnMissingBean
	ZmqMessageConverter zmqMessageConverter(ObjectProvider<JsonMapper> jsonMapper) {
		return new DefaultZmqMessageConverter(jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	ZmqTemplate zmqTemplate(ZmqSocketFactory zmqSocketFactory, ZmqEndpointResolver zmqEndpointResolver,
			ZmqMessageConverter zmqMessageConverter, ZmqProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ZmqTemplateObservationConvention> observationConvention) {
		ZmqTemplate template = new ZmqTemplate(zmqSocketFactory, zmqEndpointResolver, zmqMessageConverter);
		ZmqProperties.Template settings = properties.getTemplate();
		template.setDefaultRequestTimeout(settings.getRequestTimeout());
		template.setSendTimeout(settings.getSendTimeout());
		template.setSendQueueCapacity(settings.getSendQueueCapacity());
		template.setMaxRequestSockets(settings.getMaxRequestSockets());
		template.setObservationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		template.setObservationConvention(observationConvention.getIfUnique());
		return template;
	}

	@Bean
	@ConditionalOnMissingBean
	ZmqProxyRegistry zmqProxyRegistry(ZmqSocketFactory zmqSocketFactory, ZmqEndpointResolver zmqEndpointResolver,
			ZmqProperties properties) {
		ZmqProxyRegistry registry = new ZmqProxyRegistry(zmqSocketFactory, zmqEndpointResolver);
		for (ZmqProxyDefinition definition : properties.toProxyDefinitions()) {
			registry.registerProxy(definition);
		}
		return registry;
	}

}
