<?php

namespace Acme\Grant;

class Registry
{
    private array $responseTypes = [
        'token' => 'Acme\Grant\ResponseType\BearerTokenIssuer',
        'id_token' => 'Acme\\Grant\\OpenId\\IdTokenIssuer',
        'code id_token' => 'Acme\Grant\OpenId\HybridTokenIssuer',
    ];
}
