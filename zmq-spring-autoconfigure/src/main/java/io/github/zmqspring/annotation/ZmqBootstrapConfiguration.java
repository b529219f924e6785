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

package io.github.zmqspring.annotation;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

import io.github.zmqspring.config.ZmqListenerConfigUtils;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;

/**
 * Registers the infrastructure of annotation-driven listeners: the post-processor that
 * finds annotated methods and the registry that owns their containers. Imported by
 * {@link EnableZmq}; Spring Boot applies it automatically.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
public class ZmqBootstrapConfiguration {

	@Bean(name = ZmqListenerConfigUtils.ZMQ_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME)
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ZmqListenerAnnotationBeanPostProcessor zmqListenerAnnotationProcessor() {
		return new ZmqListenerAnnotationBeanPostProcessor();
	}

	@Bean(name = ZmqListenerConfigUtils.ZMQ_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME)
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	ZmqListenerEndpointRegistry zmqListenerEndpointRegistry() {
		return new ZmqListenerEndpointRegistry();
	}

}
