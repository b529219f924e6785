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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.zmqspring.annotation.EnableZmq;
import io.github.zmqspring.config.ZmqListenerConfigUtils;
import io.github.zmqspring.config.ZmqListenerContainerFactory;
import io.github.zmqspring.convert.ZmqMessageConverter;
import io.github.zmqspring.core.ZmqEndpointResolver;
import io.github.zmqspring.core.ZmqOperations;
import io.github.zmqspring.core.ZmqSocketFactory;
import io.github.zmqspring.observation.ZmqListenerObservationConvention;

/**
 * Annotation-driven listeners: the default container factory, configured from
 * {@code zmq.listener.*}, and {@link EnableZmq} unless the application applied it itself.
 *
 * @author zmq-spring contributors
 */
@Configuration(proxyBeanMethods = false)
class ZmqAnnotationDrivenConfiguration {

	@Bean(name = ZmqListenerConfigUtils.ZMQ_LISTENER_CONTAINER_FACTORY_BEAN_NAME)
	@ConditionalOnMissingBean(name = ZmqListenerConfigUtils.ZMQ_LISTENER_CONTAINER_FACTORY_BEAN_NAME)
	ZmqListenerContainerFactory zmqListenerContainerFactory(ZmqSocketFactory zmqSocketFactory,
			ZmqEndpointResolver zmqEndpointResolver, ZmqMessageConverter zmqMessageConverter,
			ObjectProvider<ZmqOperations> zmqOperations, ZmqProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ZmqListenerObservationConvention> observationConvention) {
		ZmqListenerContainerFactory factory = new ZmqListenerContainerFactory(zmqSocketFactory, zmqEndpointResolver,
				zmqMessageConverter, zmqOperations::getObject);
		factory.setShutdownTimeout(properties.getListener().getShutdownTimeout());
		factory.setIncludeErrorMessage(properties.getListener().isIncludeErrorMessage());
		factory.setPrefetch(properties.getListener().getPrefetch());
		factory.setHandlerTimeout(properties.getListener().getHandlerTimeout());
		factory.setObservationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		factory.setObservationConvention(observationConvention.getIfUnique());
		return factory;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableZmq
	@ConditionalOnMissingBean(name = ZmqListenerConfigUtils.ZMQ_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME)
	static class EnableZmqConfiguration {

	}

}
