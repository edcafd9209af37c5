RSpec.describe Storage::Client do
  let(:config) do
    {
      api_token: "0123456789abcdef0123456789abcdef",
      signing_secret: "0123456789ABCDEF",
    }
  end

  it "sends the upload token" do
    params = { field.id => { token: "42.0123456789abcdef" } }
    expect(described_class.new(config).upload(params)).to be_ok
  end
end
